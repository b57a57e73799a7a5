import { describeThreshold, selectThreshold, type McidRule } from "@/lib/clinical/mcid";

export type ChangeBand = {
  low: number;
  high: number;
  /** Points either side of the baseline; a change of at least this much is meaningful. */
  halfWidth: number;
  /** The threshold in force at this baseline, in words ("3 points", "10 percentage points or 30 % of the baseline score"). */
  threshold: string;
  /** The rule in words, with its source, for the chart's note. */
  description: string;
};

/**
 * The band around the baseline inside which a change is not meaningful under
 * the clinic's MCID rule (classifyChange's own threshold selection): with
 * "either", the smaller of the points and percent thresholds bounds it; with
 * "both", the larger. Null when the rule can never be met at this baseline
 * (a percent-only rule on a baseline of 0).
 */
export function computeChangeBand(rule: McidRule, baseline: number, scale?: { min: number; max: number }): ChangeBand | null {
  const { threshold: t } = selectThreshold(rule, baseline);
  const candidates: number[] = [];
  if (t.absolute !== null) candidates.push(t.absolute);
  if (t.percent !== null) {
    if (baseline !== 0) candidates.push((Math.abs(baseline) * t.percent) / 100);
    else if (t.combine === "both") return null;
  }
  if (candidates.length === 0) return null;
  const halfWidth = t.combine === "either" ? Math.min(...candidates) : Math.max(...candidates);
  const low = scale ? Math.max(scale.min, baseline - halfWidth) : baseline - halfWidth;
  const high = scale ? Math.min(scale.max, baseline + halfWidth) : baseline + halfWidth;
  const threshold = describeThreshold(t, rule);
  return { low, high, halfWidth, threshold, description: `Meaningful change: ${threshold} from baseline (${rule.label}: ${rule.source})` };
}
