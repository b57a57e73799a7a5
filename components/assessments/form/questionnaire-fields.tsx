"use client";

import { useState } from "react";
import { FieldError } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { fieldName } from "@/lib/assessments/form-fields";
import { NDI_MAX_MISSING, NDI_SECTIONS, ODI_MAX_MISSING, ODI_SECTIONS, ODI_VERSIONS, RMDQ_ITEM_COUNTS, getInstrument } from "@/lib/clinical/instruments/descriptors";
import { toInputId, useFormValues } from "./form-context";
import { NumberField } from "./number-field";

function VersionSelect({ name, options }: { name: string; options: readonly { id: string; label: string }[] }) {
  const { value, errors } = useFormValues();
  const id = toInputId(name);
  return (
    <div className="grid max-w-56 gap-1.5">
      <Label htmlFor={id}>Version</Label>
      <NativeSelect id={id} name={name} defaultValue={value(name) || options[0]?.id} aria-invalid={errors(name) ? true : undefined} aria-describedby={errors(name) ? `${id}-error` : undefined}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
      <FieldError id={`${id}-error`} errors={errors(name)} />
    </div>
  );
}

// The default version first (ODI_DESCRIPTOR.defaultVersion is 2.1a)
const ODI_VERSION_OPTIONS = [...ODI_VERSIONS]
  .sort((a, b) => Number(b === getInstrument("odi").defaultVersion) - Number(a === getInstrument("odi").defaultVersion))
  .map((v) => ({ id: v, label: v === "modified" ? "Modified ODI" : `ODI ${v}` }));

function GroupError({ name }: { name: string }) {
  const { errors } = useFormValues();
  return <FieldError id={`${toInputId(name)}-error`} errors={errors(name)} />;
}

/** ODI: each section named, its 0-5 score copied from the patient's form (the statements are licensed, not shown). */
export function OdiFields() {
  const odi = getInstrument("odi");
  return (
    <fieldset id={toInputId("odi")} className="grid gap-4" aria-describedby={`${toInputId("odi")}-hint`}>
      <legend className="text-base font-semibold">{odi.label} (ODI)</legend>
      <p id={`${toInputId("odi")}-hint`} className="text-sm text-muted-foreground">
        Copy each section&apos;s score (0-5) from the patient&apos;s form; leave a section blank if it was not answered. At most {ODI_MAX_MISSING} blank sections can be scored (a safe default without a verified source). Source: {odi.source}.
      </p>
      <VersionSelect name="odi.version" options={ODI_VERSION_OPTIONS} />
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5">
        {ODI_SECTIONS.map((s) => (
          <NumberField key={s.id} name={fieldName.odiSection(s.id)} label={s.label} min={0} max={5} step={1} />
        ))}
      </div>
      <GroupError name="odi" />
    </fieldset>
  );
}

export function NdiFields() {
  const ndi = getInstrument("ndi");
  return (
    <fieldset id={toInputId("ndi")} className="grid gap-4" aria-describedby={`${toInputId("ndi")}-hint`}>
      <legend className="text-base font-semibold">{ndi.label} (NDI)</legend>
      <p id={`${toInputId("ndi")}-hint`} className="text-sm text-muted-foreground">
        Each item 0-5 from the patient&apos;s form. A blank item is filled with the mean of the answered ones (Vernon&apos;s rule); at most {NDI_MAX_MISSING} blanks (a chosen default). Source: {ndi.source}.
      </p>
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5">
        {NDI_SECTIONS.map((s) => (
          <NumberField key={s.id} name={fieldName.ndiItem(s.id)} label={s.label} min={0} max={5} step={1} />
        ))}
      </div>
      <GroupError name="ndi" />
    </fieldset>
  );
}

/** RMDQ: tick the items answered "yes"; "complete" makes the unticked ones count as "no". */
export function RmdqFields() {
  const { value, errors } = useFormValues();
  const [version, setVersion] = useState(value("rmdq.version") || getInstrument("rmdq").defaultVersion);
  const rmdq = getInstrument("rmdq");
  const count = RMDQ_ITEM_COUNTS[version as keyof typeof RMDQ_ITEM_COUNTS] ?? 24;
  const versionId = toInputId("rmdq.version");
  const completeId = toInputId("rmdq.completed");
  return (
    <fieldset id={toInputId("rmdq")} className="grid gap-4" aria-describedby={`${toInputId("rmdq")}-hint`}>
      <legend className="text-base font-semibold">{rmdq.label} (RMDQ)</legend>
      <p id={`${toInputId("rmdq")}-hint`} className="text-sm text-muted-foreground">
        Tick each item the patient answered &quot;yes&quot;; the score is the count of yes. Source: {rmdq.source}.
      </p>
      <div className="grid max-w-56 gap-1.5">
        <Label htmlFor={versionId}>Version</Label>
        <NativeSelect id={versionId} name="rmdq.version" value={version} onChange={(e) => setVersion(e.target.value)}>
          {Object.keys(RMDQ_ITEM_COUNTS)
            .sort((a, b) => Number(b) - Number(a))
            .map((v) => (
              <option key={v} value={v}>
                {v}-item RMDQ
              </option>
            ))}
        </NativeSelect>
      </div>
      <fieldset className="grid gap-2">
        <legend className="mb-2 text-sm font-medium">Items answered yes</legend>
        <div className="grid grid-cols-3 gap-x-4 gap-y-2 sm:grid-cols-4 xl:grid-cols-8">
          {Array.from({ length: count }, (_, i) => {
            const name = fieldName.rmdqAnswer(i);
            return (
              <label key={name} className="flex items-center gap-2 text-sm whitespace-nowrap" htmlFor={toInputId(name)}>
                <input id={toInputId(name)} type="checkbox" name={name} value="yes" defaultChecked={value(name) === "yes"} className="size-4 accent-primary" />
                Item {i + 1}
              </label>
            );
          })}
        </div>
      </fieldset>
      <div className="grid gap-1.5">
        <label className="flex items-center gap-2 text-sm font-medium" htmlFor={completeId}>
          <input
            id={completeId}
            type="checkbox"
            name="rmdq.completed"
            defaultChecked={value("rmdq.completed") === "on"}
            className="size-4 accent-primary"
            aria-invalid={errors("rmdq.completed") ? true : undefined}
            aria-describedby={errors("rmdq.completed") ? `${completeId}-error` : undefined}
          />
          Questionnaire complete (unticked items count as no)
        </label>
        <FieldError id={`${completeId}-error`} errors={errors("rmdq.completed")} />
      </div>
      <GroupError name="rmdq" />
    </fieldset>
  );
}
