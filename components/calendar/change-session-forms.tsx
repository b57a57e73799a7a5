"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { cancelSessionAction, moveSessionAction } from "@/lib/calendar/actions";

type Ref = { sessionId: string; version: number };

/** Moves a booked session: another time, another table, checked like a new booking. */
export function MoveSessionForm({ session, scheduledAt, tableId, tables }: { session: Ref; scheduledAt: string; tableId: string | null; tables: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(moveSessionAction, {});
  return (
    <form action={action} noValidate className="grid gap-3" aria-label="Move the session">
      <input type="hidden" name="sessionId" value={session.sessionId} />
      <input type="hidden" name="version" value={session.version} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="New date and time" errors={state.errors?.scheduledAt}>
          <Input name="scheduledAt" type="datetime-local" defaultValue={state.values?.scheduledAt ?? scheduledAt} />
        </Field>
        <Field label="Table" errors={state.errors?.treatmentTableId}>
          <NativeSelect name="treatmentTableId" defaultValue={state.values?.treatmentTableId ?? tableId ?? tables[0]?.id}>
            {tables.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
      </div>
      <Button type="submit" variant="secondary" disabled={pending || state.ok} className="w-fit">
        Move session
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

/** Cancels with a reason, or marks a no-show; by default the course gains a replacement session. */
export function CancelSessionForm({ session }: { session: Ref }) {
  const [state, action, pending] = useActionState(cancelSessionAction, {});
  return (
    <form action={action} noValidate className="grid gap-3" aria-label="Cancel or mark a no-show">
      <input type="hidden" name="sessionId" value={session.sessionId} />
      <input type="hidden" name="version" value={session.version} />
      <fieldset className="grid gap-2">
        <legend className="text-sm font-medium">What happened</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="outcome" value="cancelled" defaultChecked={(state.values?.outcome ?? "cancelled") === "cancelled"} className="size-4" />
          Cancelled
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="outcome" value="missed" defaultChecked={state.values?.outcome === "missed"} className="size-4" />
          No-show (the patient did not come)
        </label>
      </fieldset>
      <Field label="Reason" errors={state.errors?.reason} description="Needed to cancel; optional for a no-show.">
        <Textarea name="reason" rows={2} defaultValue={state.values?.reason ?? ""} />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="extend" defaultChecked={state.values ? state.values.extend === "on" : true} className="size-4" />
        Extend the course: book a replacement after its last session
      </label>
      <Button type="submit" variant="destructive" disabled={pending || state.ok} className="w-fit">
        Save
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
