import type { Sex } from "@/db/schema";
import type { MeasureSide } from "@/lib/clinical/measures";
import { suggestPatterns, type Finding, type FindingSex, type PatternSuggestion } from "@/lib/clinical/pattern-suggest";
import type { PatternId } from "@/lib/clinical/patterns";

type MeasuredFinding = { code: string; side: MeasureSide; value: number; abnormal?: boolean | null };

function toFindingSex(sex: Sex): FindingSex | undefined {
  return sex === "unknown" ? undefined : sex;
}

/** Pattern suggestions from an assessment's own findings, judged with the patient's sex where norms differ. */
export function suggestForAssessment(measured: readonly MeasuredFinding[], sex: Sex): PatternSuggestion[] {
  const findings: Finding[] = measured.map((m) => ({ code: m.code, side: m.side, value: m.value, abnormal: m.abnormal ?? undefined }));
  return suggestPatterns(findings, toFindingSex(sex));
}

/** Suggestions the practitioner has neither confirmed nor dismissed. */
export function listUndecided(suggestions: readonly PatternSuggestion[], decisions: Partial<Record<PatternId, unknown>>): PatternSuggestion[] {
  return suggestions.filter((s) => decisions[s.pattern] === undefined);
}
