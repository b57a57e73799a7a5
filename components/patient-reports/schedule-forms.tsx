"use client";

import { useActionState } from "react";
import { ShownLink, readShownLink } from "@/components/patient-links/shown-link";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { addScheduleAction, endScheduleAction, sendQuestionnaireAction } from "@/lib/patient-reports/actions";
import type { QuestionnaireChoice } from "./send-questionnaire-form";

/** A schedule on the active programme: which questionnaire, and before each reassessment or every N weeks. */
export function AddScheduleForm({ patientId, choices }: { patientId: string; choices: QuestionnaireChoice[] }) {
  const [state, action, pending] = useActionState(addScheduleAction, {});
  const err = (name: string) => state.errors?.[name];
  const described = (name: string, hint?: string) => [hint, err(name) ? `schedule-${name}-error` : undefined].filter(Boolean).join(" ") || undefined;
  return (
    // The server's messages land next to each field (noValidate: the browser's own checks would hide them).
    // Keyed by what was posted: React resets a form after its action, and a remount brings back what was chosen.
    <form key={JSON.stringify(state.values ?? {})} action={action} noValidate className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="patientId" value={patientId} />
      <div className="grid gap-1.5">
        <Label htmlFor="schedule-instrument">Questionnaire</Label>
        <NativeSelect id="schedule-instrument" name="instrument" defaultValue={state.values?.instrument ?? choices[0]?.id} wrapperClassName="w-64 max-w-full" aria-invalid={err("instrument") ? true : undefined} aria-describedby={described("instrument")}>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </NativeSelect>
        <FieldError id="schedule-instrument-error" errors={err("instrument")} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="schedule-rule">When</Label>
        <NativeSelect id="schedule-rule" name="rule" defaultValue={state.values?.rule ?? "before_review"} wrapperClassName="w-64 max-w-full" aria-invalid={err("rule") ? true : undefined} aria-describedby={described("rule")}>
          <option value="before_review">Before each reassessment</option>
          <option value="every_weeks">Every N weeks</option>
        </NativeSelect>
        <FieldError id="schedule-rule-error" errors={err("rule")} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="schedule-weeks">Weeks (for every N weeks)</Label>
        <Input id="schedule-weeks" name="everyWeeks" type="number" min={1} max={52} step={1} inputMode="numeric" defaultValue={state.values?.everyWeeks ?? ""} className="w-28" aria-invalid={err("everyWeeks") ? true : undefined} aria-describedby={described("everyWeeks")} />
        <FieldError id="schedule-everyWeeks-error" errors={err("everyWeeks")} />
      </div>
      <Button type="submit" variant="outline" disabled={pending}>
        Add schedule
      </Button>
      <FormMessage state={state.errors ? {} : state} variant="inline" />
    </form>
  );
}

/**
 * One click for each due questionnaire: the same link as "Make link", shown
 * once. Always mounted under the schedules, so the link stays on screen after
 * the send makes the schedule no longer due.
 */
export function SendDuePanel({ patientId, due }: { patientId: string; due: { instrument: string; label: string }[] }) {
  const [state, action, pending] = useActionState(sendQuestionnaireAction, {});
  const link = state.ok ? readShownLink(state.data) : undefined;
  return (
    <div className="grid gap-2">
      {due.map((d) => (
        <form key={d.instrument} action={action} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="patientId" value={patientId} />
          <input type="hidden" name="instrument" value={d.instrument} />
          <Button type="submit" size="sm" disabled={pending} aria-label={`Send now: ${d.label}`}>
            Send now: {d.label}
          </Button>
        </form>
      ))}
      <FormMessage state={state} variant="inline" />
      {link?.url && <ShownLink link={{ ...link, url: link.url }} inputId="due-link-url" />}
    </div>
  );
}

export function EndScheduleButton({ scheduleId, label }: { scheduleId: string; label: string }) {
  const [state, action, pending] = useActionState(endScheduleAction, {});
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="scheduleId" value={scheduleId} />
      <Button type="submit" variant="outline" size="sm" disabled={pending} aria-label={`Stop schedule: ${label}`}>
        Stop schedule
      </Button>
      <FormMessage state={state} variant="inline" />
    </form>
  );
}
