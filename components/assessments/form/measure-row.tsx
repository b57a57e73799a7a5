"use client";

import { useState } from "react";
import { FieldError } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { fieldName, listEntrySides } from "@/lib/assessments/form-fields";
import type { MeasureDefinition, MeasureReference } from "@/lib/clinical/measures";
import { SIDE_LABELS } from "../labels";
import { toInputId, useFormValues } from "./form-context";
import { NumberField } from "./number-field";

/**
 * References for this patient: the general ones plus those for their sex.
 * When nothing matches (e.g. SLR, with a norm for men only) all are shown,
 * labelled by sex, rather than claiming there is none.
 */
export function selectReferences(measure: MeasureDefinition, sex: string, method?: string): readonly MeasureReference[] {
  // A norm taken with another method does not apply to this reading: only the chosen method's (or method-free) ones
  const refs = (measure.reference ?? []).filter((r) => method === undefined || r.method === undefined || r.method === method);
  if (sex !== "male" && sex !== "female") return refs;
  const matching = refs.filter((r) => r.sex === undefined || r.sex === sex);
  return matching.length > 0 ? matching : refs;
}

export function ReferenceList({ measure, references }: { measure: MeasureDefinition; references: readonly MeasureReference[] }) {
  const methodLabel = (id?: string) => measure.methods.find((m) => m.id === id)?.label ?? id;
  return (
    <>
      {references.map((r, i) => (
        <p key={i}>
          {r.sex && <span className="font-medium text-foreground">{r.sex === "male" ? "Men: " : "Women: "}</span>}
          {r.text}
          {r.method && ` (${methodLabel(r.method)})`}
          <span className="text-xs"> · Source: {r.source}</span>
        </p>
      ))}
    </>
  );
}

/** One measure: its reference and source beside the inputs, left and right side by side. */
export function MeasureRow({ measure, sex, sharedReference = false }: { measure: MeasureDefinition; sex: string; sharedReference?: boolean }) {
  const { value, errors } = useFormValues();
  const titleId = toInputId(`${measure.code}-title`);
  const refId = toInputId(`${measure.code}-reference`);
  const methodName = fieldName.measureMethod(measure.code);
  const methodId = toInputId(methodName);
  const abnormalName = fieldName.measureAbnormal(measure.code);
  const [method, setMethod] = useState(value(methodName) || measure.methods[0]?.id || "");
  const references = selectReferences(measure, sex, method);
  const hasNorm = (measure.reference?.length ?? 0) > 0;
  const methodLabel = measure.methods.find((m) => m.id === method)?.label ?? method;
  return (
    <div role="group" aria-labelledby={titleId} className="grid gap-3 border-b py-4 last:border-b-0">
      <p id={titleId} className="text-sm font-medium">
        {measure.label} <span className="font-normal text-muted-foreground">({measure.unit === "grade" ? "grade 0-5, + or -" : measure.unit})</span>
      </p>
      <div className="grid gap-3 xl:grid-cols-[minmax(0,1fr)_minmax(0,26rem)] xl:gap-6">
        <div id={refId} className="grid content-start gap-1 text-sm text-muted-foreground">
          {sharedReference ? (
            references.map((r, i) => (
              <p key={i}>
                {r.high !== undefined ? `${r.high} or below counts as weak for pattern suggestions` : "Oxford / MRC grade"}
                <span className="text-xs"> · Source: {r.source}</span>
              </p>
            ))
          ) : (
            <ReferenceList measure={measure} references={references} />
          )}
          {!hasNorm && <p>No sourced reference range: recorded and tracked without one.</p>}
          {hasNorm && references.length === 0 && <p>No sourced norm for the {methodLabel.toLowerCase()}: recorded and tracked without one.</p>}
          {measure.note && !sharedReference && <p className="text-xs">{measure.note}</p>}
        </div>
        <div className="grid grid-cols-2 content-start gap-3 sm:grid-cols-3">
          {listEntrySides(measure.sided).map((side) => (
            <NumberField
              key={side}
              name={fieldName.measure(measure.code, side)}
              label={SIDE_LABELS[side]}
              unit={measure.unit === "grade" ? undefined : measure.unit}
              min={measure.min}
              max={measure.max}
              step={measure.step}
              text={measure.unit === "grade"}
              describedBy={refId}
            />
          ))}
          {measure.methods.length > 1 ? (
            <div className="col-span-2 grid content-start gap-1.5 sm:col-span-1">
              <Label htmlFor={methodId}>Method</Label>
              <NativeSelect id={methodId} name={methodName} value={method} onChange={(e) => setMethod(e.target.value)} aria-describedby={refId}>
                {measure.methods.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label}
                  </option>
                ))}
              </NativeSelect>
              <FieldError id={`${methodId}-error`} errors={errors(methodName)} />
            </div>
          ) : (
            <input type="hidden" name={methodName} value={measure.methods[0]?.id ?? ""} />
          )}
          {!hasNorm && (
            <label className="col-span-2 flex items-center gap-2 text-sm sm:col-span-3" htmlFor={toInputId(abnormalName)}>
              <input id={toInputId(abnormalName)} type="checkbox" name={abnormalName} defaultChecked={value(abnormalName) === "on"} className="size-4 accent-primary" />
              Abnormal in my clinical judgement
            </label>
          )}
        </div>
      </div>
    </div>
  );
}
