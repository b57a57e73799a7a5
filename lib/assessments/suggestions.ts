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
import { checkMeasurement } from "./measurement-entry";
import type { ParsedAssessmentForm } from "./parse-form";

/** The patient's sex as the pattern rules read it (norms differ by sex). */
export type PatientSex = Sex;

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

/**
 * Suggestions from the form as typed: the values that pass the catalogue's
 * check (the ones signing would store) through the same rules the server
 * applies, so what the practitioner sees while typing is what signing checks.
 */
export function suggestFromForm(form: Pick<ParsedAssessmentForm, "measurements">, sex: Sex, options: SuggestOptions = {}): PatternSuggestion[] {
  const entries = form.measurements.flatMap((m) => {
    const checked = checkMeasurement(m);
    return checked?.ok ? [checked.entry] : [];
  });
  return suggestForAssessment(entries, sex, options);
}
