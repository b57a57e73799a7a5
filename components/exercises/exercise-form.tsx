"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldSet } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import type { ActionState } from "@/lib/actions/state";
import { EQUIPMENT, EXERCISE_CATEGORIES, MUSCLES } from "@/lib/clinical/exercise-catalogue";
import { PATTERN_IDS, PATTERNS } from "@/lib/clinical/patterns";
import { CATEGORY_LABELS } from "@/lib/exercises/library";
import { FormMessage } from "@/components/ui/form-message";

type Values = Record<string, string>;

function CheckboxGroup({ legend, name, options, selected, errors }: {
  legend: string;
  name: string;
  options: [string, string][];
  selected: string[];
  errors?: string[];
}) {
  return (
    <FieldSet legend={legend} errors={errors} legendClassName="font-semibold">
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {options.map(([value, label]) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={value} defaultChecked={selected.includes(value)} className="size-4 accent-primary" />
            {label}
          </label>
        ))}
      </div>
    </FieldSet>
  );
}

/** A clinic exercise: create, edit, or save a copy of a built-in ("Copy and edit"). */
export function ExerciseForm({ action, initial, submitLabel, cancelHref }: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  initial: Values;
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const v = (name: string) => state.values?.[name] ?? initial[name] ?? "";
  const list = (name: string) => v(name).split(",").filter(Boolean);
  const err = (name: string) => state.errors?.[name];
  return (
    <form action={formAction} noValidate className="grid max-w-4xl gap-6" key={JSON.stringify(state.values ?? {})}>
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      {initial.version && <input type="hidden" name="version" value={initial.version} />}
      {initial.basedOn && <input type="hidden" name="basedOn" value={initial.basedOn} />}
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" errors={err("name")} required>
          <Input name="name" defaultValue={v("name")} autoComplete="off" />
        </Field>
        <Field label="Category" errors={err("category")} required>
          <NativeSelect name="category" defaultValue={v("category")}>
            <option value="">Choose…</option>
            {EXERCISE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c]}
              </option>
            ))}
          </NativeSelect>
        </Field>
      </div>
      <FieldSet legend="Default dose" legendClassName="font-semibold">
        <div className="grid gap-4 sm:grid-cols-3 lg:grid-cols-5">
          <Field label="Sets" errors={err("sets")} required>
            <Input name="sets" type="number" inputMode="numeric" defaultValue={v("sets")} />
          </Field>
          <Field label="Reps" errors={err("reps")}>
            <Input name="reps" type="number" inputMode="numeric" defaultValue={v("reps")} />
          </Field>
          <Field label="Hold (s)" errors={err("holdSeconds")}>
            <Input name="holdSeconds" type="number" inputMode="numeric" defaultValue={v("holdSeconds")} />
          </Field>
          <Field label="Times per day" errors={err("timesPerDay")} required>
            <Input name="timesPerDay" type="number" inputMode="numeric" defaultValue={v("timesPerDay")} />
          </Field>
          <Field label="Days per week" errors={err("daysPerWeek")} required>
            <Input name="daysPerWeek" type="number" inputMode="numeric" defaultValue={v("daysPerWeek")} />
          </Field>
        </div>
      </FieldSet>
      <CheckboxGroup legend="Target muscles" name="targetMuscles" options={Object.entries(MUSCLES)} selected={list("targetMuscles")} errors={err("targetMuscles")} />
      <CheckboxGroup
        legend="Imbalance patterns it addresses"
        name="patterns"
        options={PATTERN_IDS.map((p) => [p, PATTERNS[p].shortLabel])}
        selected={list("patterns")}
        errors={err("patterns")}
      />
      <CheckboxGroup legend="Equipment" name="equipment" options={Object.entries(EQUIPMENT)} selected={list("equipment")} errors={err("equipment")} />
      <Field label="Instructions for the patient" description="One step per line, in plain words." errors={err("instructions")} required>
        <Textarea name="instructions" rows={5} defaultValue={v("instructions")} />
      </Field>
      <Field label="Common errors" description="One per line (optional)." errors={err("commonErrors")}>
        <Textarea name="commonErrors" rows={3} defaultValue={v("commonErrors")} />
      </Field>
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
        <Button variant="outline" asChild>
          <Link href={cancelHref}>Cancel</Link>
        </Button>
      </div>
    </form>
  );
}
