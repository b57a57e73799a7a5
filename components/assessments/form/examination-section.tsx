"use client";

import { ChevronDown } from "@/components/ui/icons";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { fieldName, listEntrySides } from "@/lib/assessments/form-fields";
import { MEASURES, type MeasureDefinition, type MeasureGroup } from "@/lib/clinical/measures";
import { MEASURE_GROUP_LABELS } from "../labels";
import { useFormValues } from "./form-context";
import { FormSection } from "./form-section";
import { MeasureRow, ReferenceList } from "./measure-row";

const GROUPS = Object.keys(MEASURE_GROUP_LABELS) as MeasureGroup[];

/**
 * The examination. At a follow-up (`listed` given) only the tests measured
 * before are listed, plus any holding a value; the rest of the catalogue is one
 * click away. A first assessment lists every test.
 */
export function ExaminationSection({ sex, listed }: { sex: string; listed?: readonly string[] }) {
  const { value } = useFormValues();
  const [showAll, setShowAll] = useState(false);
  const hasValue = (m: MeasureDefinition) => listEntrySides(m.sided).some((side) => value(fieldName.measure(m.code, side)) !== "");
  const shown = MEASURES.filter((m) => showAll || !listed || listed.includes(m.code) || hasValue(m));
  const hidden = MEASURES.length - shown.length;
  return (
    <FormSection
      id="examination"
      title="Examination"
      description={
        listed && !showAll
          ? "The tests measured at earlier assessments, with the method used then. Record what you measured; leave the rest blank."
          : "Record what you measured; leave the rest blank. Each reference is shown with its source and is not a diagnosis."
      }
    >
      {GROUPS.map((group) => {
        const measures = shown.filter((m) => m.group === group);
        if (measures.length === 0) return null;
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
      {listed && hidden > 0 && (
        <div>
          <Button type="button" variant="outline" size="sm" onClick={() => setShowAll(true)}>
            <ChevronDown aria-hidden />
            Show the other {hidden} tests
          </Button>
        </div>
      )}
    </FormSection>
  );
}
