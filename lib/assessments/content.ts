import type { InstrumentId, ScoreDirection, ScoredItem, ScoreSuccess, ScoreUnit, UnscoredResult } from "@/lib/clinical/instruments";
import { formatMmtGrade, type MeasureSide } from "@/lib/clinical/measures";
import type { PatternSuggestion, PatternTrigger } from "@/lib/clinical/pattern-suggest";
import type { PatternId } from "@/lib/clinical/patterns";
import { fieldName } from "./form-fields";
import type { AssessmentRegion, MeasurementEntry, PatternDecisionStatus, ValidatedAssessment } from "./validate-form";

/**
 * An assessment's content in one JSON shape: what a signed revision stores
 * as its snapshot, what the read view renders (current or earlier
 * revision alike) and what the form is filled from.
 */

export type ContentInstrument = {
  instrument: InstrumentId;
  version: string;
  /** Null only for a PSFS draft with no activity rated yet. */
  score: number | null;
  unit: ScoreUnit;
  scaleMin: number;
  scaleMax: number;
  direction: ScoreDirection;
  band: string | null;
  rule: string;
  items: ScoredItem[];
};

export type ContentMeasurement = Omit<MeasurementEntry, "method"> & { method: string | null };

export type ContentPattern = { pattern: PatternId; status: PatternDecisionStatus; suggested: boolean; triggers: PatternTrigger[] };

export type AssessmentContent = {
  format: 1;
  assessedAt: string;
  region: AssessmentRegion;
  chiefComplaint: string;
  notes: string | null;
  planNotes: string | null;
  practitionerId: string;
  instruments: ContentInstrument[];
  measurements: ContentMeasurement[];
  patterns: ContentPattern[];
};

export function toContentInstrument(result: ScoreSuccess | UnscoredResult): ContentInstrument {
  return {
    instrument: result.instrument,
    version: result.version,
    score: result.score,
    unit: result.unit,
    scaleMin: result.scaleMin,
    scaleMax: result.scaleMax,
    direction: result.direction,
    band: result.band?.label ?? null,
    rule: result.rule,
    items: result.items,
  };
}

/** The pattern decisions as stored: each with whether the findings suggested it, and why. */
export function buildPatternDecisions(
  decisions: ValidatedAssessment["decisions"],
  suggestions: readonly PatternSuggestion[],
): ContentPattern[] {
  return Object.entries(decisions).map(([pattern, status]) => {
    const suggestion = suggestions.find((s) => s.pattern === pattern);
    return { pattern: pattern as PatternId, status, suggested: Boolean(suggestion), triggers: suggestion?.triggers ?? [] };
  });
}

export function buildContent(args: {
  assessment: ValidatedAssessment;
  assessedAt: Date;
  practitionerId: string;
  suggestions: readonly PatternSuggestion[];
}): AssessmentContent {
  const { assessment } = args;
  return {
    format: 1,
    assessedAt: args.assessedAt.toISOString(),
    region: assessment.region,
    chiefComplaint: assessment.chiefComplaint,
    notes: assessment.notes,
    planNotes: assessment.planNotes,
    practitionerId: args.practitionerId,
    instruments: assessment.results.map(toContentInstrument),
    measurements: assessment.measurements,
    patterns: buildPatternDecisions(assessment.decisions, args.suggestions),
  };
}

function formatItem(value: ScoredItem["value"]): string {
  return value === null || typeof value === "boolean" ? "" : String(value);
}

function addInstrumentValues(values: Record<string, string>, result: ContentInstrument) {
  const byId = new Map(result.items.map((i) => [i.id, i.value]));
  switch (result.instrument) {
    case "nprs":
      for (const item of ["current", "best", "worst24h"] as const) values[fieldName.nprs(item)] = formatItem(byId.get(item) ?? null);
      return;
    case "odi":
      values["odi.version"] = result.version;
      for (const item of result.items) values[fieldName.odiSection(item.id)] = formatItem(item.value);
      return;
    case "ndi":
      for (const item of result.items) values[fieldName.ndiItem(item.id)] = formatItem(item.value);
      return;
    case "rmdq":
      values["rmdq.version"] = result.version;
      values["rmdq.completed"] = "on";
      result.items.forEach((item, i) => {
        if (item.value === true) values[fieldName.rmdqAnswer(i)] = "yes";
      });
      return;
    case "psfs":
      values["psfs.version"] = result.version;
      result.items.forEach((item, row) => {
        values[fieldName.psfs(row, "id")] = item.id;
        values[fieldName.psfs(row, "name")] = item.label;
        values[fieldName.psfs(row, "score")] = formatItem(item.value);
      });
      return;
  }
}

/** The form's input values of one instrument (e.g. a patient-reported draft taken into a new assessment). */
export function toInstrumentValues(result: ContentInstrument): Record<string, string> {
  const values: Record<string, string> = {};
  addInstrumentValues(values, result);
  return values;
}

/** The form's input values for this content: what the practitioner would have typed. */
export function toFormValues(content: AssessmentContent, assessedOn: string): Record<string, string> {
  const values: Record<string, string> = {
    region: content.region,
    assessedOn,
    chiefComplaint: content.chiefComplaint,
    notes: content.notes ?? "",
    planNotes: content.planNotes ?? "",
  };
  for (const result of content.instruments) addInstrumentValues(values, result);
  for (const m of content.measurements) {
    values[fieldName.measure(m.code, m.side as MeasureSide)] = m.unit === "grade" ? (formatMmtGrade(m.value) ?? String(m.value)) : String(m.value);
    if (m.method) values[fieldName.measureMethod(m.code)] = m.method;
    if (m.abnormal) values[fieldName.measureAbnormal(m.code)] = "on";
  }
  for (const p of content.patterns) values[fieldName.pattern(p.pattern)] = p.status;
  return values;
}

/** A new assessment re-rates the patient's PSFS activities: same ids and names, scores left blank. */
export function toPsfsPrefill(previous: ContentInstrument | undefined): Record<string, string> {
  if (!previous || previous.instrument !== "psfs") return {};
  const values: Record<string, string> = { "psfs.version": previous.version };
  previous.items.forEach((item, row) => {
    values[fieldName.psfs(row, "id")] = item.id;
    values[fieldName.psfs(row, "name")] = item.label;
  });
  return values;
}
