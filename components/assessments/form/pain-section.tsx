"use client";

import { fieldName } from "@/lib/assessments/form-fields";
import { FormSection } from "./form-section";
import { NumberField } from "./number-field";

export function PainSection() {
  return (
    <FormSection
      id="pain"
      title="Pain (NPRS)"
      description="Whole numbers 0 (no pain) to 10 (worst imaginable). The score is the pain now; least and worst in the last 24 hours are kept alongside."
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <NumberField name={fieldName.nprs("current")} label="Pain now" min={0} max={10} step={1} />
        <NumberField name={fieldName.nprs("best")} label="Least pain, last 24 h" min={0} max={10} step={1} />
        <NumberField name={fieldName.nprs("worst24h")} label="Worst pain, last 24 h" min={0} max={10} step={1} />
      </div>
    </FormSection>
  );
}
