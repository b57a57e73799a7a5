"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { recordAdherenceAction } from "@/lib/adherence/actions";
import { FormMessage } from "@/components/ui/form-message";

type Props = { patientId: string; programmeId: string; defaultWeek: string; prescribed: number; today: string };

/** At a visit: last week's home sessions done against prescribed, pain during exercise and a note. */
export function AdherenceForm({ patientId, programmeId, defaultWeek, prescribed, today }: Props) {
  const [state, action, pending] = useActionState(recordAdherenceAction, {});
  const v = (name: string, fallback: string) => (state.ok ? fallback : (state.values?.[name] ?? fallback));
  const err = (name: string) => state.errors?.[name];
  return (
    <form action={action} noValidate className="grid gap-3" key={JSON.stringify(state)} aria-label="Record adherence">
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="programmeId" value={programmeId} />
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="Week starting" description="Any day of the week counts as its Monday." errors={err("weekStart")} required>
          <Input name="weekStart" type="date" max={today} defaultValue={v("weekStart", defaultWeek)} />
        </Field>
        <Field label="Sessions done" errors={err("sessionsDone")} required>
          <Input name="sessionsDone" type="number" inputMode="numeric" min={0} defaultValue={v("sessionsDone", "")} />
        </Field>
        <Field label="Sessions prescribed" errors={err("sessionsPrescribed")} required>
          <Input name="sessionsPrescribed" type="number" inputMode="numeric" min={1} defaultValue={v("sessionsPrescribed", String(prescribed || ""))} />
        </Field>
        <Field label="Pain during exercise (0-10)" errors={err("painDuring")}>
          <Input name="painDuring" type="number" inputMode="numeric" min={0} max={10} defaultValue={v("painDuring", "")} />
        </Field>
      </div>
      <Field label="Note" errors={err("note")}>
        <Input name="note" defaultValue={v("note", "")} />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending} className="justify-self-start">
        Record adherence
      </Button>
    </form>
  );
}
