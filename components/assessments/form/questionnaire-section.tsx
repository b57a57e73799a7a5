"use client";

import { Plus, X } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import type { InstrumentId } from "@/lib/clinical/instruments";
import { listDefaultQuestionnaires, SHORT_INSTRUMENT_LABELS } from "../labels";
import { FormSection } from "./form-section";
import { NdiFields, OdiFields, RmdqFields } from "./questionnaire-fields";

export const OPTIONAL_QUESTIONNAIRES = ["odi", "rmdq", "ndi"] as const satisfies readonly InstrumentId[];
export type Questionnaire = (typeof OPTIONAL_QUESTIONNAIRES)[number];

const FIELDS: Record<Questionnaire, () => React.ReactNode> = {
  odi: () => <OdiFields />,
  rmdq: () => <RmdqFields />,
  ndi: () => <NdiFields />,
};

/**
 * The region's questionnaires are shown by default (at a follow-up, the ones
 * completed before); others are added on demand. A questionnaire left blank is simply not recorded.
 */
export function QuestionnaireSection({
  region,
  extras,
  onExtrasChange,
  previous,
}: {
  region: string;
  extras: Questionnaire[];
  onExtrasChange: (extras: Questionnaire[]) => void;
  /** At a follow-up: the questionnaires completed before, shown instead of the region's defaults. */
  previous?: readonly Questionnaire[];
}) {
  const defaults = previous ? [...previous] : (listDefaultQuestionnaires(region) as Questionnaire[]);
  const shown = OPTIONAL_QUESTIONNAIRES.filter((q) => defaults.includes(q) || extras.includes(q));
  const addable = OPTIONAL_QUESTIONNAIRES.filter((q) => !shown.includes(q));
  return (
    <FormSection
      id="questionnaires"
      title="Questionnaires"
      description={
        previous
          ? "The questionnaires completed at earlier assessments; add others if needed. Leave a questionnaire blank to not record it."
          : "Offered for this region by default; add others if needed. Leave a questionnaire blank to not record it."
      }
    >
      {shown.length === 0 && <p className="text-sm text-muted-foreground">No questionnaire is standard for this region. Add one below if the patient completed it.</p>}
      {shown.map((q) => (
        <div key={q} className="grid gap-3 rounded-lg border p-4">
          {FIELDS[q]()}
          {!defaults.includes(q) && (
            <div>
              <Button type="button" variant="ghost" size="sm" onClick={() => onExtrasChange(extras.filter((e) => e !== q))}>
                <X aria-hidden />
                Remove {SHORT_INSTRUMENT_LABELS[q]}
              </Button>
            </div>
          )}
        </div>
      ))}
      {addable.length > 0 && (
        <div className="flex flex-wrap gap-2">
          {addable.map((q) => (
            <Button key={q} type="button" variant="outline" size="sm" onClick={() => onExtrasChange([...extras, q])}>
              <Plus aria-hidden />
              Add {SHORT_INSTRUMENT_LABELS[q]}
            </Button>
          ))}
        </div>
      )}
    </FormSection>
  );
}
