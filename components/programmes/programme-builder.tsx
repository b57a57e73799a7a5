"use client";

import Link from "next/link";
import { startTransition, useActionState, useId, useRef, useState, type FormEvent } from "react";
import { Plus, TriangleAlert } from "@/components/ui/icons";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, FieldError } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import type { DefaultDose } from "@/lib/clinical/exercise-catalogue";
import { CATEGORY_LABELS, EXERCISE_CATEGORIES, type ExerciseCategory } from "@/lib/clinical/exercises/vocabulary";
import { getProgrammeLengthWarning } from "@/lib/clinical/programme-suggest";
import { saveProgrammeAction } from "@/lib/programmes/actions";
import { createBuilderItem, moveItem, toItemPayload, type BuilderItem } from "@/lib/programmes/builder-items";
import { BuilderItemRow } from "./builder-item-row";
import { FormMessage } from "@/components/ui/form-message";

export type LibraryChoice = { ref: string; name: string; category: ExerciseCategory; defaultDose: DefaultDose };

type Props = {
  patientId: string;
  patientName: string;
  choices: LibraryChoice[];
  initialItems: BuilderItem[];
  supersedes: { id: string; version: number } | null;
  initial: { goals: string; startDate: string; reviewDate: string };
};

/**
 * The list lives here in state and is posted as JSON in one hidden field; the
 * server validates every item and answers with errors keyed "items.<n>.<field>".
 */
export function ProgrammeBuilder({ patientId, patientName, choices, initialItems, supersedes, initial }: Props) {
  const [state, formAction, pending] = useActionState(saveProgrammeAction, {});
  const [items, setItems] = useState<BuilderItem[]>(initialItems);
  const [toAdd, setToAdd] = useState("");
  const counter = useRef(0);
  const addId = useId();
  const warning = getProgrammeLengthWarning(items.length);
  const v = (name: keyof Props["initial"]) => state.values?.[name] ?? initial[name];

  const update = (key: string, patch: Partial<BuilderItem>) => setItems((list) => list.map((it) => (it.key === key ? { ...it, ...patch } : it)));
  const add = () => {
    const choice = choices.find((c) => c.ref === toAdd);
    if (!choice) return;
    counter.current += 1;
    setItems((list) => [...list, createBuilderItem(`added-${counter.current}`, choice.ref, choice.name, choice.defaultDose)]);
    setToAdd("");
  };

  // Submitting by hand keeps React from resetting the form: the list and the typed values stay as they are.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };

  return (
    <form onSubmit={submit} noValidate className="grid gap-6">
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="supersedesId" value={supersedes?.id ?? ""} />
      <input type="hidden" name="supersedesVersion" value={supersedes?.version ?? ""} />
      <input type="hidden" name="items" value={JSON.stringify(items.map(toItemPayload))} />
      <FormMessage state={state} />
      <section aria-labelledby="programme-plan" className="grid gap-4">
        <h2 id="programme-plan" className="text-lg font-semibold">
          Plan
        </h2>
        <Field label="Goals" description={`What ${patientName} is working towards, in their words.`} errors={state.errors?.goals}>
          <Textarea name="goals" rows={3} defaultValue={v("goals")} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Start date" errors={state.errors?.startDate} required>
            <Input name="startDate" type="date" defaultValue={v("startDate")} />
          </Field>
          <Field label="Review date" errors={state.errors?.reviewDate}>
            <Input name="reviewDate" type="date" defaultValue={v("reviewDate")} />
          </Field>
        </div>
      </section>

      <section aria-labelledby="programme-exercises" className="grid gap-4">
        <h2 id="programme-exercises" className="text-lg font-semibold">
          Exercises <span className="font-normal text-muted-foreground">({items.length})</span>
        </h2>
        {warning && (
          <Alert variant="warning">
            <TriangleAlert aria-hidden />
            <AlertTitle>Long programme</AlertTitle>
            <AlertDescription>{warning}</AlertDescription>
          </Alert>
        )}
        <FieldError id="items-error" errors={state.errors?.items} />
        {items.length === 0 ? (
          <p className="rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground">No exercises yet: add one from the library below.</p>
        ) : (
          <ol className="grid gap-3" aria-describedby={state.errors?.items ? "items-error" : undefined}>
            {items.map((item, index) => (
              <BuilderItemRow
                key={item.key}
                item={item}
                index={index}
                count={items.length}
                errors={state.errors}
                onChange={(patch) => update(item.key, patch)}
                onMove={(by) => setItems((list) => moveItem(list, index, by))}
                onRemove={() => setItems((list) => list.filter((it) => it.key !== item.key))}
              />
            ))}
          </ol>
        )}
        <div className="flex flex-wrap items-end gap-3 rounded-lg bg-muted/50 p-4">
          <div className="grid min-w-64 flex-1 gap-1.5">
            <Label htmlFor={addId}>Exercise to add</Label>
            <NativeSelect id={addId} value={toAdd} onChange={(e) => setToAdd(e.target.value)}>
              <option value="">Choose from the library…</option>
              {EXERCISE_CATEGORIES.map((category) => (
                <optgroup key={category} label={CATEGORY_LABELS[category]}>
                  {choices
                    .filter((c) => c.category === category)
                    .map((c) => (
                      <option key={c.ref} value={c.ref}>
                        {c.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </NativeSelect>
          </div>
          <Button type="button" variant="secondary" onClick={add} aria-disabled={!toAdd}>
            <Plus className="size-4" aria-hidden />
            Add exercise
          </Button>
        </div>
      </section>

      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : supersedes ? "Save as new version" : "Save programme"}
        </Button>
        <Button variant="outline" asChild>
          <Link href={`/patients/${patientId}`}>Cancel</Link>
        </Button>
      </div>
    </form>
  );
}
