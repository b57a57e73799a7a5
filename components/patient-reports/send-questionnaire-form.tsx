"use client";

import { useActionState } from "react";
import { Send } from "@/components/ui/icons";
import { ShownLink, readShownLink } from "@/components/patient-links/shown-link";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { sendQuestionnaireAction } from "@/lib/patient-reports/actions";

export type QuestionnaireChoice = { id: string; label: string };

/** "Send a questionnaire": a single-use link for 7 days, shown once as an address and a QR code. */
export function SendQuestionnaireForm({ patientId, choices }: { patientId: string; choices: QuestionnaireChoice[] }) {
  const [state, action, pending] = useActionState(sendQuestionnaireAction, {});
  const link = state.ok ? readShownLink(state.data) : undefined;
  const error = state.errors?.instrument;
  return (
    <div className="grid gap-4">
      {/* Keyed by what was posted: React resets a form after its action, and a remount brings back the choice. */}
      <form key={JSON.stringify(state.values ?? {})} action={action} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="patientId" value={patientId} />
        <div className="grid gap-1.5">
          <Label htmlFor="send-instrument">Questionnaire</Label>
          <NativeSelect
            id="send-instrument"
            name="instrument"
            defaultValue={state.values?.instrument ?? choices[0]?.id}
            wrapperClassName="w-72 max-w-full"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "send-instrument-error" : undefined}
          >
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </NativeSelect>
          <FieldError id="send-instrument-error" errors={error} />
        </div>
        <Button type="submit" disabled={pending}>
          <Send className="size-4" aria-hidden />
          Make link
        </Button>
        <FormMessage state={state.errors?.instrument ? {} : state} variant="inline" />
      </form>
      {link?.url && <ShownLink link={{ ...link, url: link.url }} inputId="questionnaire-link-url" />}
    </div>
  );
}
