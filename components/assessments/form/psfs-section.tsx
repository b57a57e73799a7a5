"use client";

import { FieldError } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { fieldName, PSFS_ROWS } from "@/lib/assessments/form-fields";
import { getInstrument } from "@/lib/clinical/instruments/descriptors";
import { toInputId, useFormValues } from "./form-context";
import { FormSection } from "./form-section";
import { NumberField } from "./number-field";

export function PsfsSection() {
  const { value, errors } = useFormValues();
  const psfs = getInstrument("psfs");
  const versionId = toInputId("psfs.version");
  return (
    <FormSection
      id="psfs"
      title="Patient-specific activities (PSFS)"
      description={`The patient names 3 to 5 activities they find hard and rates each 0-10; at follow-up the same activities are re-rated. Source: ${psfs.source}.`}
    >
      <div className="grid max-w-72 gap-1.5">
        <Label htmlFor={versionId}>Version</Label>
        <NativeSelect id={versionId} name="psfs.version" defaultValue={value("psfs.version") || psfs.defaultVersion}>
          {psfs.versions.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label}
            </option>
          ))}
        </NativeSelect>
      </div>
      <fieldset id={toInputId("psfs.activities")} className="grid gap-3">
        <legend className="mb-2 text-sm font-medium">Activities</legend>
        {Array.from({ length: PSFS_ROWS }, (_, row) => {
          const nameField = fieldName.psfs(row, "name");
          const nameId = toInputId(nameField);
          return (
            <div key={row} className="grid grid-cols-[1fr_auto] items-start gap-3">
              <input type="hidden" name={fieldName.psfs(row, "id")} value={value(fieldName.psfs(row, "id"))} />
              <div className="grid gap-1.5">
                <Label htmlFor={nameId}>Activity {row + 1}</Label>
                <Input
                  id={nameId}
                  name={nameField}
                  defaultValue={value(nameField)}
                  maxLength={120}
                  autoComplete="off"
                  aria-invalid={errors(nameField) ? true : undefined}
                  aria-describedby={errors(nameField) ? `${nameId}-error` : undefined}
                />
                <FieldError id={`${nameId}-error`} errors={errors(nameField)} />
              </div>
              <NumberField name={fieldName.psfs(row, "score")} label={`Rating ${row + 1}`} min={0} max={10} step={1} />
            </div>
          );
        })}
        <FieldError id={`${toInputId("psfs.activities")}-error`} errors={errors("psfs.activities") ?? errors("psfs")} />
      </fieldset>
    </FormSection>
  );
}
