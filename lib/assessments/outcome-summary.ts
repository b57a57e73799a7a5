import { INSTRUMENT_IDS, INSTRUMENTS, type InstrumentId, type ScoreDirection, type ScoreUnit } from "@/lib/clinical/instruments";
import { classifyChange, resolveMcidRule, type ChangeClassification, type McidRule, type McidRuleOverride } from "@/lib/clinical/mcid";

/** One signed, current instrument score of a patient, oldest first in a history. */
export type InstrumentHistoryPoint = {
  assessmentId: string;
  instrument: InstrumentId;
  version: string;
  score: number;
  unit: ScoreUnit;
  scaleMin: number;
  scaleMax: number;
  direction: ScoreDirection;
  band: string | null;
  takenAt: Date;
};

export type OutcomeLine = {
  instrument: InstrumentId;
  label: string;
  version: string;
  unit: ScoreUnit;
  direction: ScoreDirection;
  /** Scores of this version, baseline included. */
  count: number;
  baseline: InstrumentHistoryPoint;
  latest: InstrumentHistoryPoint;
  rule: McidRule;
  /** Null until there are two scores of the same version to compare. */
  change: ChangeClassification | null;
};

export type OutcomeSummary = {
  /** First and latest signed assessment, whatever was recorded in them. */
  firstAssessedAt: Date | null;
  lastAssessedAt: Date | null;
  signedCount: number;
  lines: OutcomeLine[];
};

/**
 * Baseline, latest and the change between them per instrument, judged by the
 * clinic's meaningful-change rule. Only scores of the latest score's version
 * are compared: a 24-item and an 18-item RMDQ are different scales.
 */
export function summariseOutcomes(history: readonly InstrumentHistoryPoint[], overrides: readonly McidRuleOverride[]): OutcomeLine[] {
  const sorted = [...history].sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
  return INSTRUMENT_IDS.flatMap((instrument): OutcomeLine[] => {
    const points = sorted.filter((p) => p.instrument === instrument);
    const latest = points.at(-1);
    if (!latest) return [];
    const sameVersion = points.filter((p) => p.version === latest.version && p.direction === latest.direction);
    const baseline = sameVersion[0] ?? latest;
    const rule = resolveMcidRule(instrument, overrides);
    const change =
      sameVersion.length >= 2 && baseline !== latest
        ? classifyChange({ rule, baseline: baseline.score, current: latest.score, direction: latest.direction })
        : null;
    return [{
      instrument,
      label: INSTRUMENTS[instrument].label,
      version: latest.version,
      unit: latest.unit,
      direction: latest.direction,
      count: sameVersion.length,
      baseline,
      latest,
      rule,
      change,
    }];
  });
}
