import type { ScoreDirection } from "./instruments/types";
import type { McidRule, McidRuleKey } from "./mcid";
import { describeThreshold } from "./mcid-describe";
import { roundToOneDecimal } from "./instruments/rounding";

export type ChangeKind = "improvement" | "deterioration" | "no-meaningful-change";

export type ChangeThreshold = {
  absolute: number | null;
  percent: number | null;
  combine: McidRule["combine"];
  mode: McidRule["mode"];
};

/** The rule a verdict was reached under, kept with it (clinical-reference.md: instrument, version, rule). */
export type AppliedRule = {
  key: McidRuleKey;
  instrument: McidRule["instrument"];
  versions: readonly string[];
  label: string;
  /** The threshold that applied at this baseline, in words: "3 points", "10 percentage points or 30 % of the baseline score". */
  threshold: string;
  source: string;
};

export type ChangeClassification = {
  kind: ChangeKind;
  /** current - baseline, exact, on the instrument's primary scale (round only to display it). */
  delta: number;
  /** delta as an exact percent of the baseline; null when the baseline is 0. */
  percentChange: number | null;
  threshold: ChangeThreshold;
  rule: AppliedRule;
  explanation: string;
};

// Absorbs float noise such as 12/40*100 = 30.000000000000004
const EPSILON = 1e-9;

/** Picks the thresholds that apply to this baseline under the rule's mode (the chart band uses the same). */
export function selectThreshold(rule: McidRule, baseline: number): { threshold: ChangeThreshold; note: string } {
  const flat = { absolute: rule.absolute, percent: rule.percent, combine: rule.combine, mode: rule.mode };
  if (rule.mode !== "baseline-dependent") return { threshold: flat, note: "" };
  const band = rule.baselineBands?.find((b) => baseline >= b.min && baseline <= b.max);
  // Outside every band (e.g. NPRS baseline 0) the flat rule applies: chosen fallback [U]
  if (!band) return { threshold: flat, note: ` Baseline ${baseline} is outside the baseline bands, so the flat rule applies.` };
  return {
    threshold: { absolute: band.absolute, percent: null, combine: "either", mode: rule.mode },
    note: ` Baseline ${baseline} is in the ${band.min}-${band.max} band.`,
  };
}

function formatPoints(points: number): string {
  return `${points} point${Math.abs(points) === 1 ? "" : "s"}`;
}

/**
 * Classifies a change from baseline against an MCID rule, respecting the
 * scale direction (on a higher-is-worse scale a fall is an improvement).
 * Judged on the exact scores; only the explanation is rounded. The same
 * threshold is used for improvement and deterioration [U].
 */
export function classifyChange(args: {
  rule: McidRule;
  baseline: number;
  current: number;
  direction: ScoreDirection;
}): ChangeClassification {
  const { rule, baseline, current, direction } = args;
  const delta = current - baseline;
  const percentChange = baseline === 0 ? null : (delta / Math.abs(baseline)) * 100;
  const { threshold, note } = selectThreshold(rule, baseline);

  const checks: boolean[] = [];
  if (threshold.absolute !== null) checks.push(Math.abs(delta) + EPSILON >= threshold.absolute);
  if (threshold.percent !== null) checks.push(percentChange !== null && Math.abs(percentChange) + EPSILON >= threshold.percent);
  const meaningful = delta !== 0 && (threshold.combine === "either" ? checks.some(Boolean) : checks.every(Boolean));

  const better = direction === "higher-is-worse" ? delta < 0 : delta > 0;
  const kind: ChangeKind = !meaningful ? "no-meaningful-change" : better ? "improvement" : "deterioration";

  const shownDelta = roundToOneDecimal(delta);
  const shownPercent = percentChange === null ? null : roundToOneDecimal(percentChange);
  const change = `${shownDelta > 0 ? "+" : ""}${formatPoints(shownDelta)}${shownPercent === null ? "" : ` (${shownPercent > 0 ? "+" : ""}${shownPercent} %)`}`;
  const thresholdText = describeThreshold(threshold, rule);
  const verdict =
    kind === "no-meaningful-change"
      ? `below the threshold of ${thresholdText}: no meaningful change`
      : `meets the threshold of ${thresholdText}: ${kind}`;
  const explanation =
    `From ${roundToOneDecimal(baseline)} to ${roundToOneDecimal(current)}, ${change}; ${verdict} (${direction.replaceAll("-", " ")}).${note} ` +
    `Rule: ${rule.label}, ${rule.source}.`;

  return {
    kind,
    delta,
    percentChange,
    threshold,
    rule: { key: rule.key, instrument: rule.instrument, versions: rule.versions, label: rule.label, threshold: thresholdText, source: rule.source },
    explanation,
  };
}
