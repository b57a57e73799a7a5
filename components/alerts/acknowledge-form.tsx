"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Textarea } from "@/components/ui/textarea";
import { acknowledgeAlertAction } from "@/lib/alerts/actions";

/** Closes an alert with a note of what was done; the note stays on the alert (audited without it). */
export function AcknowledgeAlertForm({ alertId, patientName }: { alertId: string; patientName: string }) {
  const [state, action, pending] = useActionState(acknowledgeAlertAction, {});
  return (
    <form action={action} noValidate className="grid gap-2" aria-label={`Acknowledge the alert for ${patientName}`}>
      <input type="hidden" name="alertId" value={alertId} />
      <Field label="What was done" errors={state.errors?.note} required description="For the record: a call, a change to the programme, or why nothing is needed.">
        <Textarea name="note" rows={2} maxLength={1000} defaultValue={state.values?.note ?? ""} />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="outline" disabled={pending}>
          Acknowledge
        </Button>
        <FormMessage state={state} variant="inline" />
      </div>
    </form>
  );
}
