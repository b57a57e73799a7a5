"use client";

import { MEASURES, type MeasureGroup } from "@/lib/clinical/measures";
import { MEASURE_GROUP_LABELS } from "../labels";
import { FormSection } from "./form-section";
import { MeasureRow } from "./measure-row";

const GROUPS = Object.keys(MEASURE_GROUP_LABELS) as MeasureGroup[];

export function ExaminationSection({ sex }: { sex: string }) {
  return (
    <FormSection
      id="examination"
      title="Examination"
      description="Record what you measured; leave the rest blank. Each reference is shown with its source and is not a diagnosis."
    >
      {GROUPS.map((group) => (
        <div key={group} className="grid">
          <h3 className="border-b pb-2 text-sm font-semibold tracking-wide text-muted-foreground uppercase">{MEASURE_GROUP_LABELS[group]}</h3>
          {MEASURES.filter((m) => m.group === group).map((m) => (
            <MeasureRow key={m.code} measure={m} sex={sex} />
          ))}
        </div>
      ))}
    </FormSection>
  );
}
