"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/state";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { cancelSessionAction, moveSessionAction } from "@/lib/calendar/actions";

type Ref = { sessionId: string; version: number };

type MoveProps = { session: Ref; scheduledAt: string; tableId: string | null; tables: { id: string; name: string }[] };

/**
 * The session's changes. One component holds both forms' outcomes, so a
 * cancellation's message (and the replacement it booked) stays on screen when
 * the refreshed page reports the booking closed.
 */
export function SessionChangeForms({ open, logHref, ...move }: MoveProps & { open: boolean; logHref: string | null }) {
  const moved = useActionState(moveSessionAction, {});
  const cancelled = useActionState(cancelSessionAction, {});
  if (!open) {
    return (
      <div className="grid gap-2">
        <p className="text-sm text-muted-foreground">This booking is closed: its record is kept as it was.</p>
        <FormMessage state={cancelled[0].ok ? cancelled[0] : moved[0]} />
      </div>
    );
  }
  return (
    <>
      <div className="grid gap-4">
        {logHref && (
          <Button asChild className="w-fit">
            <Link href={logHref}>Log this session</Link>
          </Button>
        )}
        <MoveSessionForm {...move} form={moved} />
      </div>
      <CancelSessionForm session={move.session} form={cancelled} />
    </>
  );
}

type FormHook = ReturnType<typeof useActionState<ActionState, FormData>>;

/** Moves a booked session: another time, another table, checked like a new booking. */
function MoveSessionForm({ session, scheduledAt, tableId, tables, form }: MoveProps & { form: FormHook }) {
  const [state, action, pending] = form;
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
function CancelSessionForm({ session, form }: { session: Ref; form: FormHook }) {
  const [state, action, pending] = form;
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
