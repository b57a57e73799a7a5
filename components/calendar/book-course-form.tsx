"use client";

import { useActionState } from "react";
import { CalendarPlus } from "@/components/ui/icons";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { bookCourseAction } from "@/lib/calendar/actions";
import { WEEKDAY_LABELS, WEEKDAYS } from "@/lib/calendar/weekdays";

export type BookCourseDefaults = { fromDate: string; weekdays: number[]; time: string; treatmentTableId: string; count: number; durationMin: number };

/**
 * A whole course in one step: weekdays, time, table and count. The server
 * checks every session first; if any clashes, nothing is saved and the list
 * below shows each clash with a proposed alternative, bookable in one more click.
 */
export function BookCourseForm({ courseId, tables, defaults }: { courseId: string; tables: { id: string; name: string }[]; defaults: BookCourseDefaults }) {
  const [state, action, pending] = useActionState(bookCourseAction, {});
  const v = state.ok ? undefined : state.values;
  const days = v ? (v.weekdays ?? "").split(",").filter(Boolean) : defaults.weekdays.map(String);
  const clashing = state.preview?.rows.filter((r) => r.problems.length > 0) ?? [];
  const canAccept = clashing.length > 0 && clashing.every((r) => r.proposal && !r.proposal.startsWith("No free"));
  return (
    <form action={action} noValidate className="grid gap-4" key={JSON.stringify(state)} aria-label="Book the course">
      <input type="hidden" name="courseId" value={courseId} />
      {state.preview && <input type="hidden" name="planKey" value={state.preview.planKey} />}
      <fieldset className="grid gap-2">
        <legend className="text-sm font-medium">Weekdays</legend>
        <div className="flex flex-wrap gap-2">
          {WEEKDAYS.map((d) => (
            <label key={d} className="flex min-h-11 items-center gap-2 rounded-md border px-3 text-sm has-checked:bg-accent has-checked:font-semibold">
              <input type="checkbox" name="weekdays" value={d} defaultChecked={days.includes(d)} className="size-4" />
              {WEEKDAY_LABELS[Number(d) as keyof typeof WEEKDAY_LABELS]}
            </label>
          ))}
        </div>
        {state.errors?.weekdays && <p className="text-sm font-medium text-destructive">{state.errors.weekdays[0]}</p>}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <Field label="First day" errors={state.errors?.fromDate}>
          <Input name="fromDate" type="date" defaultValue={v?.fromDate ?? defaults.fromDate} />
        </Field>
        <Field label="Time" errors={state.errors?.time}>
          <Input name="time" type="time" step={300} defaultValue={v?.time ?? defaults.time} />
        </Field>
        <Field label="Table" errors={state.errors?.treatmentTableId}>
          <NativeSelect name="treatmentTableId" defaultValue={v?.treatmentTableId ?? defaults.treatmentTableId}>
            {tables.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field label="Sessions" errors={state.errors?.count}>
          <Input name="count" type="number" inputMode="numeric" min={1} max={60} defaultValue={v?.count ?? String(defaults.count)} />
        </Field>
        <Field label="Length (min)" errors={state.errors?.durationMin}>
          <Input name="durationMin" type="number" inputMode="numeric" min={1} max={60} defaultValue={v?.durationMin ?? String(defaults.durationMin)} />
        </Field>
      </div>
      {clashing.length > 0 && (
        <Alert variant="warning" data-testid="clash-list">
          <AlertTitle>
            {clashing.length} of {state.preview!.rows.length} sessions clash: nothing was saved
          </AlertTitle>
          <AlertDescription>
            <ul className="grid gap-2">
              {clashing.map((r) => (
                <li key={r.key}>
                  <p className="font-medium">{r.label}</p>
                  <p>{r.problems.join(". ")}.</p>
                  <p>Proposed: {r.proposal}</p>
                </li>
              ))}
            </ul>
          </AlertDescription>
        </Alert>
      )}
      <div className="flex flex-wrap gap-3">
        {canAccept && (
          <Button type="submit" name="useAlternatives" value="on" disabled={pending}>
            Book with the proposed alternatives
          </Button>
        )}
        <Button type="submit" variant={canAccept ? "outline" : "default"} disabled={pending}>
          <CalendarPlus className="size-4" aria-hidden />
          {state.preview ? "Check again" : "Book sessions"}
        </Button>
      </div>
      <FormMessage state={clashing.length > 0 ? { ok: false } : state} />
    </form>
  );
}
