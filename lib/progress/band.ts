import type { McidRule } from "@/lib/clinical/mcid";

export type ChangeBand = {
  low: number;
  high: number;
  /** Points either side of the baseline; a change of at least this much is meaningful. */
  halfWidth: number;
  /** The rule in words, with its source, for the chart's note. */
  description: string;
};

/** The points threshold that applies at this baseline, mirroring classifyChange's band selection. */
function selectThresholds(rule: McidRule, baseline: number): { absolute: number | null; percent: number | null; combine: McidRule["combine"] } {
  if (rule.mode === "baseline-dependent") {
    const band = rule.baselineBands?.find((b) => baseline >= b.min && baseline <= b.max);
    if (band) return { absolute: band.absolute, percent: null, combine: "either" };
  }
  return { absolute: rule.absolute, percent: rule.percent, combine: rule.combine };
}

/**
 * The band around the baseline inside which a change is not meaningful under
 * the clinic's MCID rule: with "either", the smaller of the points and percent
 * thresholds bounds it; with "both", the larger. Null when the rule can never
 * be met at this baseline (a percent-only rule on a baseline of 0).
 */
export function computeChangeBand(rule: McidRule, baseline: number, scale?: { min: number; max: number }): ChangeBand | null {
  const t = selectThresholds(rule, baseline);
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
  const parts = [t.absolute === null ? null : `${t.absolute} points`, t.percent === null ? null : `${t.percent} %`].filter(Boolean);
  const joined = parts.join(t.combine === "either" ? " or " : " and ");
  return { low, high, halfWidth, description: `Meaningful change: ${joined} from baseline (${rule.source})` };
}
