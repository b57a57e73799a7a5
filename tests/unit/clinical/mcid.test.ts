import { describe, expect, it } from "vitest";
import {
  classifyChange,
  DEFAULT_MCID_RULES,
  mcidRuleOverrideSchema,
  parseMcidOverrides,
  resolveMcidRule,
  type McidRule,
} from "@/lib/clinical/mcid";

const nprs = DEFAULT_MCID_RULES.nprs;
const nprsByBaseline: McidRule = { ...nprs, mode: "baseline-dependent" };
const worse = "higher-is-worse" as const;

describe("classifyChange: NPRS flat rule (2 points or 30 %)", () => {
  it("calls 8 -> 5 an improvement of 3 points", () => {
    const result = classifyChange({ rule: nprs, baseline: 8, current: 5, direction: worse });
    expect(result).toMatchObject({ kind: "improvement", delta: -3, percentChange: -37.5 });
    expect(result.explanation).toContain("Ostelo 2008");
  });

  it("calls 8 -> 7 no meaningful change", () => {
    expect(classifyChange({ rule: nprs, baseline: 8, current: 7, direction: worse }).kind).toBe("no-meaningful-change");
  });

  it("lets 30 % alone count: 3 -> 2 is 1 point but 33 %", () => {
    expect(classifyChange({ rule: nprs, baseline: 3, current: 2, direction: worse }).kind).toBe("improvement");
  });

  it("calls a rise of 2 points a deterioration", () => {
    expect(classifyChange({ rule: nprs, baseline: 4, current: 6, direction: worse }).kind).toBe("deterioration");
  });
});

describe("classifyChange: NPRS baseline-dependent rule (Thieme)", () => {
  it("needs 1 point from a low baseline: 3 -> 2", () => {
    const result = classifyChange({ rule: nprsByBaseline, baseline: 3, current: 2, direction: worse });
    expect(result).toMatchObject({ kind: "improvement", delta: -1, threshold: { absolute: 1, percent: null } });
  });

  it("needs 2 points from a moderate baseline: 6 -> 4 improves, 6 -> 5 does not", () => {
    expect(classifyChange({ rule: nprsByBaseline, baseline: 6, current: 4, direction: worse }).kind).toBe("improvement");
    expect(classifyChange({ rule: nprsByBaseline, baseline: 6, current: 5, direction: worse }).kind).toBe("no-meaningful-change");
  });

  it("needs 3 points from a high baseline: 9 -> 6 improves, 9 -> 7 does not", () => {
    expect(classifyChange({ rule: nprsByBaseline, baseline: 9, current: 6, direction: worse })).toMatchObject({ kind: "improvement", threshold: { absolute: 3 } });
    expect(classifyChange({ rule: nprsByBaseline, baseline: 9, current: 7, direction: worse }).kind).toBe("no-meaningful-change");
  });

  it("falls back to the flat rule for a baseline outside the bands", () => {
    const result = classifyChange({ rule: nprsByBaseline, baseline: 0, current: 2, direction: worse });
    expect(result).toMatchObject({ kind: "deterioration", percentChange: null, threshold: { absolute: 2 } });
    expect(result.explanation).toContain("outside the baseline bands");
  });
});

describe("classifyChange: ODI (10 points or 30 %)", () => {
  const odi = DEFAULT_MCID_RULES.odi;

  it("calls 40 -> 28 an improvement (12 >= 10)", () => {
    expect(classifyChange({ rule: odi, baseline: 40, current: 28, direction: worse })).toMatchObject({ kind: "improvement", delta: -12, percentChange: -30 });
  });

  it("calls 40 -> 32 no meaningful change (8 < 10 and 20 % < 30 %)", () => {
    const result = classifyChange({ rule: odi, baseline: 40, current: 32, direction: worse });
    expect(result).toMatchObject({ kind: "no-meaningful-change", delta: -8, percentChange: -20 });
    expect(result.explanation).toContain("below the threshold of 10 points or 30 %");
  });

  it("calls 30 -> 42 a deterioration", () => {
    expect(classifyChange({ rule: odi, baseline: 30, current: 42, direction: worse }).kind).toBe("deterioration");
  });

  it("requires both criteria when combine is both", () => {
    const both: McidRule = { ...odi, combine: "both" };
    expect(classifyChange({ rule: both, baseline: 60, current: 48, direction: worse }).kind).toBe("no-meaningful-change");
    expect(classifyChange({ rule: both, baseline: 40, current: 28, direction: worse }).kind).toBe("improvement");
  });
});

describe("classifyChange: PSFS (higher is better)", () => {
  const psfs = DEFAULT_MCID_RULES.psfs;

  it("calls a rise of 2 an improvement", () => {
    expect(classifyChange({ rule: psfs, baseline: 3, current: 5, direction: "higher-is-better" }).kind).toBe("improvement");
  });

  it("calls a fall of 2.3 a deterioration", () => {
    expect(classifyChange({ rule: psfs, baseline: 6, current: 3.7, direction: "higher-is-better" })).toMatchObject({ kind: "deterioration", delta: -2.3 });
  });

  it("ignores a small rise", () => {
    expect(classifyChange({ rule: psfs, baseline: 3, current: 4.3, direction: "higher-is-better" }).kind).toBe("no-meaningful-change");
  });
});

describe("clinic overrides", () => {
  it("uses the default when there is no override", () => {
    expect(resolveMcidRule("ndi")).toBe(DEFAULT_MCID_RULES.ndi);
  });

  it("merges the last override for the instrument and records its source", () => {
    const overrides = [
      mcidRuleOverrideSchema.parse({ instrument: "odi", absolute: 6, source: "Modified ODI MCID" }),
      mcidRuleOverrideSchema.parse({ instrument: "odi", absolute: 12, source: "Abbott 2014" }),
      mcidRuleOverrideSchema.parse({ instrument: "nprs", mode: "baseline-dependent", source: "Thieme" }),
    ];
    expect(resolveMcidRule("odi", overrides)).toMatchObject({ absolute: 12, percent: 30, combine: "either" });
    expect(resolveMcidRule("odi", overrides).source).toContain("Abbott 2014");
    expect(resolveMcidRule("nprs", overrides).mode).toBe("baseline-dependent");
  });

  it("rejects an override without a source or that leaves no threshold", () => {
    expect(mcidRuleOverrideSchema.safeParse({ instrument: "odi", absolute: 12, source: "" }).error?.issues[0]?.message).toBe(
      "Say where the threshold comes from",
    );
    const none = mcidRuleOverrideSchema.safeParse({ instrument: "psfs", absolute: null, source: "x" });
    expect(none.error?.issues[0]?.message).toBe("A rule needs a points or a percent threshold");
  });

  it("rejects baseline-dependent mode without bands and overlapping bands", () => {
    expect(mcidRuleOverrideSchema.safeParse({ instrument: "odi", mode: "baseline-dependent", source: "x" }).success).toBe(false);
    const overlapping = { instrument: "nprs", baselineBands: [{ min: 1, max: 5, absolute: 1 }, { min: 5, max: 10, absolute: 2 }], source: "x" };
    expect(mcidRuleOverrideSchema.safeParse(overlapping).error?.issues[0]?.message).toBe("Baseline bands must not overlap");
  });

  it("reads overrides stored as an object keyed by instrument, dropping invalid ones", () => {
    const stored = { odi: { absolute: 12, source: "Abbott 2014" }, ndi: { absolute: -1, source: "typo" } };
    const overrides = parseMcidOverrides(stored);
    expect(overrides).toHaveLength(1);
    expect(resolveMcidRule("odi", overrides).absolute).toBe(12);
    expect(resolveMcidRule("ndi", overrides)).toBe(DEFAULT_MCID_RULES.ndi);
    expect(parseMcidOverrides(null)).toEqual([]);
  });
});
