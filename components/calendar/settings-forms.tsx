"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { addClosureAction, addTreatmentTableAction, archiveTreatmentTableAction } from "@/lib/calendar/actions";

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
