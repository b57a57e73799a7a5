"use client";

import { FieldError } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { toInputId, useFormValues } from "./form-context";
import { FormSection } from "./form-section";

export function PlanSection() {
  const { value, errors } = useFormValues();
  const id = toInputId("planNotes");
  return (
    <FormSection id="plan" title="Plan">
      <div className="grid gap-1.5">
        <Label htmlFor={id}>
          Plan notes <span className="font-normal text-muted-foreground">(optional)</span>
        </Label>
        <Textarea id={id} name="planNotes" rows={4} defaultValue={value("planNotes")} aria-invalid={errors("planNotes") ? true : undefined} aria-describedby={errors("planNotes") ? `${id}-error` : undefined} />
        <FieldError id={`${id}-error`} errors={errors("planNotes")} />
      </div>
    </FormSection>
  );
}
