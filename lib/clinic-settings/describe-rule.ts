import type { McidRule } from "@/lib/clinical/mcid";

function points(n: number, unitWord: string): string {
  return `${n} ${unitWord}${n === 1 ? "" : "s"}`;
}

/** A rule in words, e.g. "2 points or 30 % of baseline"; ODI points are percentage points. */
export function describeMcidRule(rule: McidRule): string {
  const unitWord = rule.instrument === "odi" ? "percentage point" : "point";
  if (rule.mode === "baseline-dependent" && rule.baselineBands?.length) {
    const bands = rule.baselineBands.map((b) => `baseline ${b.min}-${b.max}: ${points(b.absolute, unitWord)}`).join("; ");
    return `Depends on the baseline: ${bands}`;
  }
  const parts = [rule.absolute === null ? null : points(rule.absolute, unitWord), rule.percent === null ? null : `${rule.percent} % of baseline`].filter(
    (p): p is string => p !== null,
  );
  return parts.join(rule.combine === "either" ? " or " : " and ");
}
