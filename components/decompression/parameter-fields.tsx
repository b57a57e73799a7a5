"use client";

import { Field } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { ActionState } from "@/lib/actions/state";
import { POSITION_LABELS } from "@/lib/decompression/rules";

type Props = {
  state: ActionState;
  v: (name: string) => string;
  /** A course needs its starting position; a completed session also needs its force and duration. */
  mode: "course" | "session";
};

/** Position, angle, forces (kg or lb), hold / rest, cycles and duration: shared by the course and session forms. */
export function ParameterFields({ state, v, mode }: Props) {
  const session = mode === "session";
  const err = (name: string) => state.errors?.[name];
  const number = (name: string, label: string, required = false, step?: string) => (
    <Field label={label} errors={err(name)} required={required}>
      <Input name={name} type="number" inputMode="decimal" step={step} defaultValue={v(name)} />
    </Field>
  );
  return (
    <div className="grid gap-4 sm:grid-cols-3 lg:grid-cols-4">
      <Field label="Patient position" errors={err("position")} required>
        <NativeSelect name="position" defaultValue={v("position")}>
          <option value="">Choose…</option>
          {Object.entries(POSITION_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </NativeSelect>
      </Field>
      {number("angleDeg", "Angle (deg)")}
      <Field label="Force unit" errors={err("forceUnit")}>
        <NativeSelect name="forceUnit" defaultValue={v("forceUnit") || "kg"}>
          <option value="kg">kg</option>
          <option value="lb">lb</option>
        </NativeSelect>
      </Field>
      {number("maxForce", "Maximum (pull) force", session, "0.1")}
      {number("minForce", "Minimum (rest) force", false, "0.1")}
      {number("holdSeconds", "Hold (s)")}
      {number("restSeconds", "Rest (s)")}
      {number("cycles", "Cycles")}
      {number("durationMin", "Duration (min)", session)}
    </div>
  );
}
