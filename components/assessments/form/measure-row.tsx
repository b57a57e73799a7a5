"use client";

import { FieldError } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { fieldName, listEntrySides } from "@/lib/assessments/form-fields";
import type { MeasureDefinition, MeasureReference } from "@/lib/clinical/measures";
import { SIDE_LABELS } from "../labels";
import { toInputId, useFormValues } from "./form-context";
import { NumberField } from "./number-field";

/** References for this patient: the general ones plus those for their sex (all, when sex is not recorded). */
export function selectReferences(measure: MeasureDefinition, sex: string): readonly MeasureReference[] {
  const refs = measure.reference ?? [];
  if (sex !== "male" && sex !== "female") return refs;
  return refs.filter((r) => r.sex === undefined || r.sex === sex);
}

export function MeasureRow({ measure, sex }: { measure: MeasureDefinition; sex: string }) {
  const { value, errors } = useFormValues();
  const titleId = toInputId(`${measure.code}-title`);
  const refId = toInputId(`${measure.code}-reference`);
  const methodName = fieldName.measureMethod(measure.code);
  const methodId = toInputId(methodName);
  const abnormalName = fieldName.measureAbnormal(measure.code);
  const references = selectReferences(measure, sex);
  const methodLabel = (id?: string) => measure.methods.find((m) => m.id === id)?.label;
  return (
    <div role="group" aria-labelledby={titleId} className="grid gap-3 border-b py-4 last:border-b-0 md:grid-cols-[minmax(0,1fr)_minmax(0,22rem)] md:gap-6">
      <div className="grid content-start gap-1 text-sm">
        <p id={titleId} className="font-medium">
          {measure.label} <span className="font-normal text-muted-foreground">({measure.unit === "grade" ? "grade 0-5, + or -" : measure.unit})</span>
        </p>
        <div id={refId} className="grid gap-1 text-muted-foreground">
          {references.length === 0 && <p>No sourced reference range: recorded and tracked without one.</p>}
          {references.map((r, i) => (
            <p key={i}>
              {r.sex && <span className="font-medium text-foreground">{r.sex === "male" ? "Men: " : "Women: "}</span>}
              {r.text}
              {r.method && ` (${methodLabel(r.method) ?? r.method})`}
              <span className="text-xs"> · Source: {r.source}</span>
            </p>
          ))}
          {measure.note && <p className="text-xs">{measure.note}</p>}
        </div>
      </div>
      <div className="grid content-start gap-3">
        <div className="grid grid-cols-2 gap-3">
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
        </div>
        {measure.methods.length > 1 ? (
          <div className="grid gap-1.5">
            <Label htmlFor={methodId} className="text-xs">
              Method
            </Label>
            <NativeSelect id={methodId} name={methodName} size="sm" defaultValue={value(methodName) || measure.methods[0]?.id}>
              {measure.methods.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </NativeSelect>
            <FieldError id={`${methodId}-error`} errors={errors(methodName)} />
          </div>
        ) : (
          <p className="text-xs text-muted-foreground">
            Method: {measure.methods[0]?.label}
            <input type="hidden" name={methodName} value={measure.methods[0]?.id ?? ""} />
          </p>
        )}
        {references.length === 0 && (
          <label className="flex items-center gap-2 text-sm" htmlFor={toInputId(abnormalName)}>
            <input id={toInputId(abnormalName)} type="checkbox" name={abnormalName} defaultChecked={value(abnormalName) === "on"} className="size-4 accent-primary" />
            Abnormal in my clinical judgement
          </label>
        )}
      </div>
    </div>
  );
}
