"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { addClosureAction, addTreatmentTableAction, archiveTreatmentTableAction, setWorkingHoursAction } from "@/lib/calendar/actions";
import { WEEKDAY_LABELS, WEEKDAYS } from "@/lib/calendar/weekdays";

export function AddTableForm() {
  const [state, action, pending] = useActionState(addTreatmentTableAction, {});
  const v = state.ok ? undefined : state.values;
  return (
    <form action={action} noValidate className="flex flex-wrap items-end gap-3" key={JSON.stringify(state)}>
      <Field label="Name" errors={state.errors?.name} className="min-w-48">
        <Input name="name" defaultValue={v?.name ?? ""} maxLength={60} />
      </Field>
      <Field label="Kind" errors={state.errors?.kind}>
        <NativeSelect name="kind" defaultValue={v?.kind ?? "table"} wrapperClassName="w-48">
          <option value="table">Traction table</option>
          <option value="room">Room (assessments)</option>
        </NativeSelect>
      </Field>
      <Button type="submit" disabled={pending}>
        Add
      </Button>
      <FormMessage state={state} className="basis-full" />
    </form>
  );
}

export function ArchiveTableButton({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState(archiveTreatmentTableAction, {});
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="outline" size="sm" disabled={pending || state.ok} aria-label={`Archive ${name}`}>
        Archive
      </Button>
      <FormMessage state={state} variant="inline" />
    </form>
  );
}

export function AddClosureForm() {
  const [state, action, pending] = useActionState(addClosureAction, {});
  const v = state.ok ? undefined : state.values;
  return (
    <form action={action} noValidate className="flex flex-wrap items-end gap-3" key={JSON.stringify(state)}>
      <Field label="Day" errors={state.errors?.closedOn}>
        <Input name="closedOn" type="date" defaultValue={v?.closedOn ?? ""} />
      </Field>
      <Field label="Reason" errors={state.errors?.reason} className="min-w-60">
        <Input name="reason" defaultValue={v?.reason ?? ""} maxLength={120} />
      </Field>
      <Button type="submit" disabled={pending}>
        Add closed day
      </Button>
      <FormMessage state={state} className="basis-full" />
    </form>
  );
}

type DayHours = { weekday: number; startsAt: string; endsAt: string };

/**
 * One practitioner's week: per weekday a start and an end, or the box
 * unticked for a day not worked. A day stored as several spans shows its
 * earliest start and latest end, and is saved back as that one span.
 */
export function WorkingHoursForm({ practitionerId, name, hours }: { practitionerId: string; name: string; hours: DayHours[] }) {
  const [state, action, pending] = useActionState(setWorkingHoursAction, {});
  const posted = state.values;
  const saved = (d: string, key: "startsAt" | "endsAt") => {
    const spans = hours.filter((h) => String(h.weekday) === d).map((h) => h[key].slice(0, 5)).sort();
    return key === "startsAt" ? spans[0] : spans.at(-1);
  };
  const value = (field: string, d: string, key: "startsAt" | "endsAt") => (posted ? (posted[`${field}${d}`] ?? "") : (saved(d, key) ?? ""));
  const works = (d: string) => (posted ? posted[`works${d}`] === "on" : hours.some((h) => String(h.weekday) === d));
  return (
    <form action={action} noValidate className="grid gap-3" key={JSON.stringify(state)}>
      <input type="hidden" name="practitionerId" value={practitionerId} />
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">{name}</legend>
        {WEEKDAYS.map((d) => {
          const label = WEEKDAY_LABELS[Number(d) as keyof typeof WEEKDAY_LABELS];
          return (
            <div key={d} className="flex flex-wrap items-start gap-3">
              <label className="flex min-w-28 items-center gap-2 pt-2 text-sm">
                <input type="checkbox" name={`works${d}`} defaultChecked={works(d)} className="size-4" />
                {label}: working
              </label>
              <Field label={`${label} start`} errors={state.errors?.[`start${d}`]} labelClassName="sr-only">
                <Input name={`start${d}`} type="time" defaultValue={value("start", d, "startsAt")} className="w-32" />
              </Field>
              <Field label={`${label} end`} errors={state.errors?.[`end${d}`]} labelClassName="sr-only">
                <Input name={`end${d}`} type="time" defaultValue={value("end", d, "endsAt")} className="w-32" />
              </Field>
            </div>
          );
        })}
      </fieldset>
      <Button type="submit" variant="outline" disabled={pending} className="w-fit">
        Save hours for {name}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
