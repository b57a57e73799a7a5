"use client";

import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { FieldError } from "@/components/ui/form-field";
import { REGION_LABELS } from "../labels";
import { toInputId, useFormValues } from "./form-context";
import { FormSection } from "./form-section";

function TextArea({ name, label, rows, optional }: { name: string; label: string; rows: number; optional?: boolean }) {
  const { value, errors } = useFormValues();
  const id = toInputId(name);
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>
        {label}
        {optional && <span className="font-normal text-muted-foreground"> (optional)</span>}
      </Label>
      <Textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={value(name)}
        aria-invalid={errors(name) ? true : undefined}
        aria-describedby={errors(name) ? `${id}-error` : undefined}
      />
      <FieldError id={`${id}-error`} errors={errors(name)} />
    </div>
  );
}

export function ComplaintSection({ region, onRegionChange, today }: { region: string; onRegionChange: (region: string) => void; today: string }) {
  const { value, errors } = useFormValues();
  return (
    <FormSection id="complaint" title="Complaint and region">
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="grid gap-1.5">
          <Label htmlFor={toInputId("region")}>Region assessed</Label>
          <NativeSelect
            id={toInputId("region")}
            name="region"
            value={region}
            onChange={(e) => onRegionChange(e.target.value)}
            aria-invalid={errors("region") ? true : undefined}
            aria-describedby={errors("region") ? `${toInputId("region")}-error` : `${toInputId("region")}-hint`}
          >
            {Object.entries(REGION_LABELS).map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </NativeSelect>
          <p id={`${toInputId("region")}-hint`} className="text-xs text-muted-foreground">
            Sets which questionnaires are offered first.
          </p>
          <FieldError id={`${toInputId("region")}-error`} errors={errors("region")} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={toInputId("assessedOn")}>Date of assessment</Label>
          <Input
            id={toInputId("assessedOn")}
            name="assessedOn"
            type="date"
            max={today}
            defaultValue={value("assessedOn")}
            aria-invalid={errors("assessedOn") ? true : undefined}
            aria-describedby={errors("assessedOn") ? `${toInputId("assessedOn")}-error` : undefined}
          />
          <FieldError id={`${toInputId("assessedOn")}-error`} errors={errors("assessedOn")} />
        </div>
      </div>
      <TextArea name="chiefComplaint" label="Chief complaint" rows={2} />
      <TextArea name="notes" label="History and notes" rows={3} optional />
    </FormSection>
  );
}
