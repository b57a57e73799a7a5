import type { ScoreDirection } from "./instruments/types";
import type { McidRule } from "./mcid";
import { roundToOneDecimal } from "./instruments/rounding";

export type ChangeKind = "improvement" | "deterioration" | "no-meaningful-change";

export type ChangeThreshold = {
  absolute: number | null;
  percent: number | null;
  combine: McidRule["combine"];
  mode: McidRule["mode"];
};

export type ChangeClassification = {
  kind: ChangeKind;
  /** current - baseline, on the instrument's primary scale. */
  delta: number;
  /** delta as a percent of the baseline; null when the baseline is 0. */
  percentChange: number | null;
  threshold: ChangeThreshold;
  explanation: string;
};

// Absorbs float noise such as 12/40*100 = 30.000000000000004
const EPSILON = 1e-9;

/** Picks the thresholds that apply to this baseline under the rule's mode. */
function selectThreshold(rule: McidRule, baseline: number): { threshold: ChangeThreshold; note: string } {
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

function describeThreshold(t: ChangeThreshold): string {
  const parts = [
    t.absolute === null ? null : formatPoints(t.absolute),
    t.percent === null ? null : `${t.percent} %`,
  ].filter((p): p is string => p !== null);
  return parts.join(t.combine === "either" ? " or " : " and ");
}

/**
 * Classifies a change from baseline against an MCID rule, respecting the
 * scale direction (on a higher-is-worse scale a fall is an improvement).
 * The same threshold is used for improvement and deterioration [U].
 */
export function classifyChange(args: {
  rule: McidRule;
  baseline: number;
  current: number;
  direction: ScoreDirection;
}): ChangeClassification {
  const { rule, baseline, current, direction } = args;
  const rawDelta = current - baseline;
  const rawPercent = baseline === 0 ? null : (rawDelta / Math.abs(baseline)) * 100;
  const { threshold, note } = selectThreshold(rule, baseline);

  const checks: boolean[] = [];
  if (threshold.absolute !== null) checks.push(Math.abs(rawDelta) + EPSILON >= threshold.absolute);
  if (threshold.percent !== null) checks.push(rawPercent !== null && Math.abs(rawPercent) + EPSILON >= threshold.percent);
  const meaningful = rawDelta !== 0 && (threshold.combine === "either" ? checks.some(Boolean) : checks.every(Boolean));

  const better = direction === "higher-is-worse" ? rawDelta < 0 : rawDelta > 0;
  const kind: ChangeKind = !meaningful ? "no-meaningful-change" : better ? "improvement" : "deterioration";

  const delta = roundToOneDecimal(rawDelta);
  const percentChange = rawPercent === null ? null : roundToOneDecimal(rawPercent);
  const change = `${delta > 0 ? "+" : ""}${formatPoints(delta)}${percentChange === null ? "" : ` (${percentChange > 0 ? "+" : ""}${percentChange} %)`}`;
  const verdict =
    kind === "no-meaningful-change"
      ? `below the threshold of ${describeThreshold(threshold)}: no meaningful change`
      : `meets the threshold of ${describeThreshold(threshold)}: ${kind}`;
  const explanation = `From ${baseline} to ${current}, ${change}; ${verdict} (${direction.replaceAll("-", " ")}).${note} Rule: ${rule.source}.`;

  return { kind, delta, percentChange, threshold, explanation };
}
