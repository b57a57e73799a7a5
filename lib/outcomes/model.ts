import { INSTRUMENT_IDS, INSTRUMENTS, type InstrumentId, type ScoreDirection, type ScoreUnit } from "@/lib/clinical/instruments";
import { classifyChange, resolveMcidRule, type ChangeClassification, type McidRule, type McidRuleOverride } from "@/lib/clinical/mcid";
import { sortHistory, type InstrumentHistoryPoint } from "./history";

/**
 * The one outcome model: baseline, latest, change and verdict per patient
 * and instrument. One version rule everywhere: scores are compared only
 * within one version of an instrument (a 24-item and an 18-item RMDQ are
 * different scales), each version keeps its own series and baseline, and the
 * verdict is that of the version scored last. Pure: it reads a patient's
 * history and the clinic's rules, nothing else, so a summary row can be
 * written from it as well as a page.
 */

export type OutcomeStep = { point: InstrumentHistoryPoint; change: ChangeClassification | null };

/** One version's scores, oldest first, judged by that version's rule. */
export type VersionSeries = {
  version: string;
  label: string;
  unit: ScoreUnit;
  direction: ScoreDirection;
  scaleMin: number;
  scaleMax: number;
  points: InstrumentHistoryPoint[];
  baseline: InstrumentHistoryPoint;
  latest: InstrumentHistoryPoint;
  rule: McidRule;
  /** Each score against this version's baseline (null for the baseline itself). */
  steps: OutcomeStep[];
  /** Latest against baseline; null until the version has two scores. */
  change: ChangeClassification | null;
};

export type InstrumentOutcome = {
  instrument: InstrumentId;
  label: string;
  /** Every version used, in the order first used. */
  series: VersionSeries[];
  /** The series of the version scored last: its change is the instrument's verdict. */
  current: VersionSeries;
  /** All scores of the instrument, every version. */
  count: number;
  firstAt: number;
  /** Said wherever the outcome is shown when more than one version was used. */
  versionNote: string | null;
};

export type PatientOutcome = {
  instruments: InstrumentOutcome[];
  pain: InstrumentOutcome | null;
  main: InstrumentOutcome | null;
  /** A meaningful improvement on pain or the main questionnaire, each within its current version. */
  improved: boolean;
};

function buildVersionSeries(points: InstrumentHistoryPoint[], overrides: readonly McidRuleOverride[]): VersionSeries {
  const baseline = points[0]!;
  const latest = points.at(-1)!;
  const rule = resolveMcidRule(baseline.instrument, baseline.version, overrides);
  const steps = points.map((point, i) => ({
    point,
    change: i === 0 ? null : classifyChange({ rule, baseline: baseline.score, current: point.score, direction: point.direction }),
  }));
  const descriptor = INSTRUMENTS[baseline.instrument].versions.find((v) => v.id === baseline.version);
  return {
    version: baseline.version,
    label: descriptor?.label ?? `${baseline.instrument.toUpperCase()} ${baseline.version}`,
    unit: latest.unit,
    direction: latest.direction,
    scaleMin: latest.scaleMin,
    scaleMax: latest.scaleMax,
    points,
    baseline,
    latest,
    rule,
    steps,
    change: steps.at(-1)?.change ?? null,
  };
}

/** Groups one instrument's points by version (and direction, which a version fixes), first-used first. */
function groupByVersion(points: readonly InstrumentHistoryPoint[]): InstrumentHistoryPoint[][] {
  const groups = new Map<string, InstrumentHistoryPoint[]>();
  for (const p of points) {
    const key = `${p.version}\u0000${p.direction}`;
    const list = groups.get(key) ?? [];
    list.push(p);
    groups.set(key, list);
  }
  return [...groups.values()];
}

function describeVersions(series: readonly VersionSeries[], current: VersionSeries): string | null {
  if (series.length < 2) return null;
  const labels = series.map((s) => s.label).join(", ");
  return `Versions used: ${labels}. Scores are compared only within one version; the change shown is the ${current.label}'s.`;
}

/** Per instrument (in INSTRUMENT_IDS order): each version's series and the current version's verdict. */
export function buildInstrumentOutcomes(history: readonly InstrumentHistoryPoint[], overrides: readonly McidRuleOverride[]): InstrumentOutcome[] {
  const sorted = sortHistory(history);
  return INSTRUMENT_IDS.flatMap((instrument): InstrumentOutcome[] => {
    const points = sorted.filter((p) => p.instrument === instrument);
    const last = points.at(-1);
    if (!last) return [];
    const series = groupByVersion(points).map((group) => buildVersionSeries(group, overrides));
    const current = series.find((s) => s.points.includes(last))!;
    return [{
      instrument,
      label: INSTRUMENTS[instrument].label,
      series,
      current,
      count: points.length,
      firstAt: points[0]!.takenAt,
      versionNote: describeVersions(series, current),
    }];
  });
}

const PAIN: InstrumentId = "nprs";

/**
 * The patient's main questionnaire: the one recorded most often, then the one
 * started first, then INSTRUMENT_IDS order (ODI, NDI, RMDQ, PSFS). [U] house
 * rule: clinical-reference.md names no rule for choosing.
 */
export function pickMainQuestionnaire(outcomes: readonly InstrumentOutcome[]): InstrumentOutcome | null {
  let best: InstrumentOutcome | null = null;
  for (const o of outcomes) {
    if (o.instrument === PAIN) continue;
    const better = !best || o.count > best.count || (o.count === best.count && o.firstAt < best.firstAt);
    if (better) best = o;
  }
  return best;
}

const isImprovement = (o: InstrumentOutcome | null) => o?.current.change?.kind === "improvement";

/** A patient's whole outcome from their history under the clinic's rules: what every consumer shows. */
export function summarisePatientOutcome(history: readonly InstrumentHistoryPoint[], overrides: readonly McidRuleOverride[]): PatientOutcome {
  const instruments = buildInstrumentOutcomes(history, overrides);
  const pain = instruments.find((o) => o.instrument === PAIN) ?? null;
  const main = pickMainQuestionnaire(instruments);
  return { instruments, pain, main, improved: isImprovement(pain) || isImprovement(main) };
}
