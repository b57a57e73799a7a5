"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldSet } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { createCourseAction } from "@/lib/decompression/actions";
import { ConfirmNotice } from "./confirm-notice";
import { ParameterFields } from "./parameter-fields";
import { FormMessage } from "@/components/ui/form-message";

type Props = {
  patientId: string;
  initial: Record<string, string>;
  /** Regions screening allows (an admin's overridable block counts). */
  regions: { value: "lumbar" | "cervical"; label: string }[];
  /** Shown when an admin may override a contraindication: the reason is then required. */
  overrideAllowed: boolean;
  weightHint: string | null;
};

export function CourseForm({ patientId, initial, regions, overrideAllowed, weightHint }: Props) {
  const [state, action, pending] = useActionState(createCourseAction, {});
  const v = (name: string) => state.values?.[name] ?? initial[name] ?? "";
  const err = (name: string) => state.errors?.[name];
  return (
    <form action={action} noValidate className="grid gap-6" key={JSON.stringify(state.values ?? {})}>
      <input type="hidden" name="patientId" value={patientId} />
      <FormMessage state={state} />
      <FieldSet legend="Course" legendClassName="text-base font-semibold">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Field label="Region" errors={err("region")} required>
            <NativeSelect name="region" defaultValue={v("region")}>
              {regions.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field label="Target level" description="For example L4-L5 or C5-C6." errors={err("targetLevel")} required>
            <Input name="targetLevel" defaultValue={v("targetLevel")} autoComplete="off" />
          </Field>
          <Field label="Start date" errors={err("startDate")} required>
            <Input name="startDate" type="date" defaultValue={v("startDate")} />
          </Field>
          <Field label="Planned sessions" description="Typically 12-25." errors={err("plannedSessions")} required>
            <Input name="plannedSessions" type="number" inputMode="numeric" defaultValue={v("plannedSessions")} />
          </Field>
          <Field label="Sessions per week" description="Typically 2-5." errors={err("sessionsPerWeek")} required>
            <Input name="sessionsPerWeek" type="number" inputMode="numeric" defaultValue={v("sessionsPerWeek")} />
          </Field>
        </div>
      </FieldSet>
      <FieldSet legend="Initial parameters" description={weightHint ?? undefined} legendClassName="text-base font-semibold">
        <ParameterFields state={state} v={v} mode="course" />
      </FieldSet>
      {overrideAllowed && (
        <Field
          label="Override reason"
          description="Required to start a course despite a contraindication. It is kept on the course and in the audit trail."
          errors={err("overrideReason")}
        >
          <Textarea name="overrideReason" rows={3} defaultValue={v("overrideReason")} />
        </Field>
      )}
      {state.confirm && <ConfirmNotice message={state.confirm} name="confirmed" label="Confirm and create course" pending={pending} />}
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Checking…" : "Create course"}
        </Button>
        <Button variant="outline" asChild>
          <Link href={`/patients/${patientId}`}>Cancel</Link>
        </Button>
      </div>
    </form>
  );
}
