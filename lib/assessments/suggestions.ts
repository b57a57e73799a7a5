import type { Sex } from "@/db/schema";
import type { MeasureSide } from "@/lib/clinical/measures";
import {
  listEnduranceFindings,
  suggestPatterns,
  type EnduranceFinding,
  type Finding,
  type FindingSex,
  type PatternSuggestion,
  type SuggestOptions,
} from "@/lib/clinical/pattern-suggest";
import type { PatternId } from "@/lib/clinical/patterns";

type MeasuredFinding = { code: string; side: MeasureSide; value: number; abnormal?: boolean | null };

function toFindingSex(sex: Sex): FindingSex | undefined {
  return sex === "unknown" ? undefined : sex;
}

function toFindings(measured: readonly MeasuredFinding[]): Finding[] {
  return measured.map((m) => ({ code: m.code, side: m.side, value: m.value, abnormal: m.abnormal ?? undefined }));
}

/** Pattern suggestions from an assessment's own findings, judged with the patient's sex and the clinic's settings. */
export function suggestForAssessment(measured: readonly MeasuredFinding[], sex: Sex, options: SuggestOptions = {}): PatternSuggestion[] {
  return suggestPatterns(toFindings(measured), toFindingSex(sex), options);
}

/** Findings reported on their own (extensor endurance deficit, side-bridge asymmetry): nothing to confirm. */
export function listAssessmentFindings(measured: readonly MeasuredFinding[], sex: Sex): EnduranceFinding[] {
  return listEnduranceFindings(toFindings(measured), toFindingSex(sex));
}

/** Suggestions the practitioner has neither confirmed nor dismissed. */
export function listUndecided(suggestions: readonly PatternSuggestion[], decisions: Partial<Record<PatternId, unknown>>): PatternSuggestion[] {
  return suggestions.filter((s) => decisions[s.pattern] === undefined);
}
