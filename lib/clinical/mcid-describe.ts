import type { ChangeThreshold } from "./classify-change";
import type { McidRule } from "./mcid";

// Thresholds such as 4.79 (5 points scaled to 23 RMDQ items) read to two decimals; the rule keeps the exact value.
function trim(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function formatPoints(n: number, unitWord: string): string {
  return `${trim(n)} ${unitWord}${n === 1 ? "" : "s"}`;
}

const unitWordOf = (rule: Pick<McidRule, "instrument">) => (rule.instrument === "odi" ? "percentage point" : "point");

/** A threshold in words: "10 percentage points or 30 % of the baseline score". */
export function describeThreshold(t: Pick<ChangeThreshold, "absolute" | "percent" | "combine">, rule: Pick<McidRule, "instrument">): string {
  const parts = [
    t.absolute === null ? null : formatPoints(t.absolute, unitWordOf(rule)),
    t.percent === null ? null : `${t.percent} % of the baseline score`,
  ].filter((p): p is string => p !== null);
  return parts.join(t.combine === "either" ? " or " : " and ");
}

/** A rule in words, e.g. "2 points or 30 % of the baseline score"; ODI points are percentage points. */
export function describeMcidRule(rule: McidRule): string {
  if (rule.mode === "baseline-dependent" && rule.baselineBands?.length) {
    const bands = rule.baselineBands.map((b) => `baseline ${b.min}-${b.max}: ${formatPoints(b.absolute, unitWordOf(rule))}`).join("; ");
    return `Depends on the baseline: ${bands}; otherwise ${describeThreshold(rule, rule)}`;
  }
  return describeThreshold(rule, rule);
}
