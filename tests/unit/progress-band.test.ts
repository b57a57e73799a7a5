import { describe, expect, it } from "vitest";
import { classifyChange, DEFAULT_MCID_RULES, resolveMcidRule, type McidRule } from "@/lib/clinical/mcid";
import { computeChangeBand } from "@/lib/progress/band";

/** Just inside the band is "no meaningful change"; at its edge it is meaningful, as classifyChange decides. */
function expectAgreesWithClassify(rule: McidRule, baseline: number) {
  const band = computeChangeBand(rule, baseline);
  expect(band).not.toBeNull();
  const kindAt = (current: number) => classifyChange({ rule, baseline, current, direction: "higher-is-worse" }).kind;
  expect(kindAt(band!.low)).toBe("improvement");
  expect(kindAt(band!.high)).toBe("deterioration");
  expect(kindAt(baseline - band!.halfWidth * 0.99)).toBe("no-meaningful-change");
  expect(kindAt(baseline + band!.halfWidth * 0.99)).toBe("no-meaningful-change");
}

describe("meaningful-change band", () => {
  it("uses the smaller threshold when either one suffices (flat NPRS: 2 points or 30 %)", () => {
    const flat = { ...DEFAULT_MCID_RULES.nprs, mode: "flat" as const };
    expect(computeChangeBand(flat, 8)).toMatchObject({ low: 6, high: 10, halfWidth: 2 });
    // 30 % of 5 is 1.5, below 2 points.
    expect(computeChangeBand(flat, 5)).toMatchObject({ halfWidth: 1.5 });
    expectAgreesWithClassify(flat, 8);
    expectAgreesWithClassify(flat, 5);
    expectAgreesWithClassify(DEFAULT_MCID_RULES.odi, 46);
  });

  it("uses the larger threshold when both are required", () => {
    const rule = { ...DEFAULT_MCID_RULES.odi, combine: "both" as const };
    expect(computeChangeBand(rule, 50)).toMatchObject({ halfWidth: 15 });
    expectAgreesWithClassify(rule, 50);
  });

  it("takes a baseline-dependent rule's band for the baseline", () => {
    const rule = resolveMcidRule("nprs", "0-10");
    expect(computeChangeBand(rule, 3)).toMatchObject({ halfWidth: 1 });
    expect(computeChangeBand(rule, 9)).toMatchObject({ halfWidth: 3 });
    expectAgreesWithClassify(rule, 9);
  });

  it("clamps to the instrument's scale and says which rule drew it, in points", () => {
    const band = computeChangeBand(DEFAULT_MCID_RULES.nprs, 9, { min: 0, max: 10 });
    expect(band).toMatchObject({ low: 6, high: 10, threshold: "3 points" });
    expect(band?.description).toContain("Thieme");
    expect(computeChangeBand(DEFAULT_MCID_RULES.odi, 46)?.threshold).toBe("10 percentage points or 30 % of the baseline score");
  });

  it("has no band when the rule cannot be met at this baseline", () => {
    const percentOnly = { ...DEFAULT_MCID_RULES.odi, absolute: null, combine: "both" as const };
    expect(computeChangeBand(percentOnly, 0)).toBeNull();
    // With "either", a points threshold still bounds a zero baseline.
    expect(computeChangeBand(DEFAULT_MCID_RULES.odi, 0)).toMatchObject({ halfWidth: 10 });
  });
});
