import type { Assessment, InstrumentResult, Measurement, PatternTag } from "@/db/schema";
import type { ScoredItem } from "@/lib/clinical/instruments";
import { INSTRUMENT_IDS } from "@/lib/clinical/instruments";
import { MEASURES, type MeasureSide } from "@/lib/clinical/measures";
import type { PatternTrigger } from "@/lib/clinical/pattern-suggest";
import { PATTERN_IDS, type PatternId } from "@/lib/clinical/patterns";
import type { AssessmentContent, ContentInstrument, ContentMeasurement, ContentPattern } from "./content";

const MEASURE_ORDER = new Map(MEASURES.map((m, i) => [m.code, i]));
const SIDE_ORDER: MeasureSide[] = ["left", "right", "bilateral", "na"];

export function resultRowToContent(row: InstrumentResult): ContentInstrument {
  return {
    instrument: row.instrument,
    version: row.version,
    score: row.score,
    unit: row.scoreUnit,
    scaleMin: row.scaleMin,
    scaleMax: row.scaleMax,
    direction: row.direction,
    band: row.band,
    rule: row.rule,
    items: row.items as ScoredItem[],
  };
}

function measurementRowToContent(row: Measurement): ContentMeasurement {
  return { code: row.code, side: row.side, value: row.value, unit: row.unit, method: row.method, abnormal: row.abnormal };
}

function tagRowToContent(row: PatternTag): ContentPattern {
  return { pattern: row.pattern as PatternId, status: row.status, suggested: row.suggested, triggers: row.triggers as PatternTrigger[] };
}

/** The stored rows of one assessment as content, in catalogue order. */
export function rowsToContent(
  assessment: Assessment,
  results: readonly InstrumentResult[],
  measures: readonly Measurement[],
  tags: readonly PatternTag[],
): AssessmentContent {
  return {
    format: 1,
    assessedAt: assessment.assessedAt.toISOString(),
    region: assessment.region,
    chiefComplaint: assessment.chiefComplaint,
    notes: assessment.notes,
    planNotes: assessment.planNotes,
    practitionerId: assessment.practitionerId,
    instruments: [...results]
      .sort((a, b) => INSTRUMENT_IDS.indexOf(a.instrument) - INSTRUMENT_IDS.indexOf(b.instrument))
      .map(resultRowToContent),
    measurements: [...measures]
      .sort(
        (a, b) =>
          (MEASURE_ORDER.get(a.code) ?? 999) - (MEASURE_ORDER.get(b.code) ?? 999) || SIDE_ORDER.indexOf(a.side) - SIDE_ORDER.indexOf(b.side),
      )
      .map(measurementRowToContent),
    patterns: [...tags]
      .sort((a, b) => PATTERN_IDS.indexOf(a.pattern as PatternId) - PATTERN_IDS.indexOf(b.pattern as PatternId))
      .map(tagRowToContent),
  };
}
