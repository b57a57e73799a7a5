"use client";

import { MEASURES, type MeasureGroup } from "@/lib/clinical/measures";
import { MEASURE_GROUP_LABELS } from "../labels";
import { FormSection } from "./form-section";
import { MeasureRow, ReferenceList } from "./measure-row";

const GROUPS = Object.keys(MEASURE_GROUP_LABELS) as MeasureGroup[];

export function ExaminationSection({ sex }: { sex: string }) {
  return (
    <FormSection
      id="examination"
      title="Examination"
      description="Record what you measured; leave the rest blank. Each reference is shown with its source and is not a diagnosis."
    >
      {GROUPS.map((group) => {
        const measures = MEASURES.filter((m) => m.group === group);
        // Every manual muscle test shares one scale: state it once for the group
        const mmt = group === "strength" ? measures[0] : undefined;
        return (
          <div key={group} className="grid">
            <h3 className="border-b pb-2 text-sm font-semibold tracking-wide text-muted-foreground uppercase">{MEASURE_GROUP_LABELS[group]}</h3>
            {mmt && (
              <div className="grid gap-1 border-b py-3 text-sm text-muted-foreground">
                <ReferenceList measure={mmt} references={mmt.reference ?? []} />
                {mmt.note && <p className="text-xs">Method: Oxford / MRC manual muscle test. {mmt.note}</p>}
              </div>
            )}
            {measures.map((m) => (
              <MeasureRow key={m.code} measure={m} sex={sex} sharedReference={Boolean(mmt)} />
            ))}
          </div>
        );
      })}
    </FormSection>
  );
}
