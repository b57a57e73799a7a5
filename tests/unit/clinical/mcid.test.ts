import { describe, expect, it } from "vitest";
import {
  classifyChange,
  DEFAULT_MCID_RULES,
  mcidRuleOverrideSchema,
  parseMcidOverrides,
  resolveMcidRule,
  type McidRule,
} from "@/lib/clinical/mcid";
import { scorePsfs } from "@/lib/clinical/instruments";

// The flat rule stays selectable per clinic; the baseline-dependent one is the default
const nprs: McidRule = { ...DEFAULT_MCID_RULES.nprs, mode: "flat" };
const nprsByBaseline = DEFAULT_MCID_RULES.nprs;
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

describe("classifyChange: NPRS baseline-dependent rule (Thieme), the default", () => {
  it("does not call 8 -> 6 an improvement, and catches 4 -> 3 (the flat rule gets both wrong)", () => {
    expect(nprsByBaseline.mode).toBe("baseline-dependent");
    expect(classifyChange({ rule: nprsByBaseline, baseline: 8, current: 6, direction: worse }).kind).toBe("no-meaningful-change");
    expect(classifyChange({ rule: nprsByBaseline, baseline: 4, current: 3, direction: worse }).kind).toBe("improvement");
    expect(classifyChange({ rule: nprs, baseline: 8, current: 6, direction: worse }).kind).toBe("improvement");
    expect(classifyChange({ rule: nprs, baseline: 4, current: 3, direction: worse }).kind).toBe("no-meaningful-change");
  });

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
    expect(result.explanation).toContain("below the threshold of 10 percentage points or 30 % of the baseline score");
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

describe("MCID rules by instrument and version", () => {
  it("judges the modified ODI on 6 points (Fritz & Irrgang 2001), ODI 2.1a on 10 points or 30 %", () => {
    const modified = resolveMcidRule("odi", "modified");
    expect(modified).toMatchObject({ key: "odi-modified", absolute: 6, percent: null });
    expect(modified.source).toContain("Fritz & Irrgang");
    // 40 -> 33 is 7 points (17.5 %): meaningful on the modified ODI, not on 2.1a
    expect(classifyChange({ rule: modified, baseline: 40, current: 33, direction: worse }).kind).toBe("improvement");
    expect(classifyChange({ rule: resolveMcidRule("odi", "2.1a"), baseline: 40, current: 33, direction: worse }).kind).toBe("no-meaningful-change");
    expect(resolveMcidRule("odi", "1.0").key).toBe("odi");
  });

  it("scales the RMDQ's 5 points to the item count (18 items: 3.75)", () => {
    expect(resolveMcidRule("rmdq", "24").absolute).toBe(5);
    expect(resolveMcidRule("rmdq", "18").absolute).toBe(3.75);
    expect(resolveMcidRule("rmdq", "23").absolute).toBeCloseTo(4.7917, 4);
    expect(resolveMcidRule("rmdq", "11").absolute).toBeCloseTo(2.2917, 4);
    // 14 -> 10 on 18 items: 4 points >= 3.75; on 24 items 4 < 5 and 28.6 % < 30 %
    expect(classifyChange({ rule: resolveMcidRule("rmdq", "18"), baseline: 14, current: 10, direction: worse }).kind).toBe("improvement");
    expect(classifyChange({ rule: resolveMcidRule("rmdq", "24"), baseline: 14, current: 10, direction: worse }).kind).toBe("no-meaningful-change");
  });

  it("keeps the rule applied with the verdict", () => {
    const result = classifyChange({ rule: resolveMcidRule("rmdq", "18"), baseline: 14, current: 10, direction: worse });
    expect(result.rule).toMatchObject({ key: "rmdq-18", instrument: "rmdq", versions: ["18"], label: "RMDQ, 18 items", threshold: "3.75 points or 30 % of the baseline score" });
    expect(result.explanation).toContain("RMDQ, 18 items");
  });

  it("judges on exact scores: a PSFS mean of 2.75 is not rounded to 2.8 before the verdict", () => {
    const baseline = scorePsfs({ instrument: "psfs", version: "1", activities: [2, 3, 3, 3].map((score, i) => ({ id: `a${i}`, name: `A${i}`, score })) });
    const latest = scorePsfs({ instrument: "psfs", version: "1", activities: [5, 5, 5, 4, 5].map((score, i) => ({ id: `a${i}`, name: `A${i}`, score })) });
    if (!baseline.ok || !latest.ok) throw new Error("PSFS should score");
    expect(baseline.score).toBe(2.75);
    // A clinic threshold of 2.05: the exact change is 2.05 (meaningful); rounded means (2.8 -> 4.8) would give 2.0
    const rule = { ...DEFAULT_MCID_RULES.psfs, absolute: 2.05 };
    const result = classifyChange({ rule, baseline: baseline.score, current: latest.score, direction: "higher-is-better" });
    expect(result.kind).toBe("improvement");
    expect(result.delta).toBeCloseTo(2.05, 10);
  });
});

describe("clinic overrides", () => {
  it("uses the default when there is no override", () => {
    expect(resolveMcidRule("ndi", "1991")).toBe(DEFAULT_MCID_RULES.ndi);
  });

  it("merges the last override for the rule and records its source", () => {
    const overrides = [
      mcidRuleOverrideSchema.parse({ key: "odi", absolute: 6, source: "Modified ODI MCID" }),
      mcidRuleOverrideSchema.parse({ key: "odi", absolute: 12, source: "Abbott 2014" }),
      mcidRuleOverrideSchema.parse({ key: "nprs", mode: "flat", source: "Ostelo" }),
    ];
    expect(resolveMcidRule("odi", "2.1a", overrides)).toMatchObject({ absolute: 12, percent: 30, combine: "either" });
    expect(resolveMcidRule("odi", "2.1a", overrides).source).toContain("Abbott 2014");
    // An override of ODI 1.0 / 2.1a leaves the modified ODI's own rule alone
    expect(resolveMcidRule("odi", "modified", overrides)).toBe(DEFAULT_MCID_RULES["odi-modified"]);
    expect(resolveMcidRule("nprs", "0-10", overrides).mode).toBe("flat");
  });

  it("rejects an override without a source or that leaves no threshold", () => {
    expect(mcidRuleOverrideSchema.safeParse({ key: "odi", absolute: 12, source: "" }).error?.issues[0]?.message).toBe(
      "Say where the threshold comes from",
    );
    const none = mcidRuleOverrideSchema.safeParse({ key: "psfs", absolute: null, source: "x" });
    expect(none.error?.issues[0]?.message).toBe("A rule needs a points or a percent threshold");
  });

  it("rejects baseline-dependent mode without bands and overlapping bands", () => {
    expect(mcidRuleOverrideSchema.safeParse({ key: "odi", mode: "baseline-dependent", source: "x" }).success).toBe(false);
    const overlapping = { key: "nprs", baselineBands: [{ min: 1, max: 5, absolute: 1 }, { min: 5, max: 10, absolute: 2 }], source: "x" };
    expect(mcidRuleOverrideSchema.safeParse(overlapping).error?.issues[0]?.message).toBe("Baseline bands must not overlap");
  });

  it("reads overrides stored as an object keyed by rule, dropping invalid ones", () => {
    const stored = { odi: { absolute: 12, source: "Abbott 2014" }, ndi: { absolute: -1, source: "typo" }, "rmdq-18": { absolute: 4, source: "Clinic" } };
    const overrides = parseMcidOverrides(stored);
    expect(overrides).toHaveLength(2);
    expect(resolveMcidRule("odi", "2.1a", overrides).absolute).toBe(12);
    expect(resolveMcidRule("rmdq", "18", overrides).absolute).toBe(4);
    expect(resolveMcidRule("ndi", "1991", overrides)).toBe(DEFAULT_MCID_RULES.ndi);
    expect(parseMcidOverrides(null)).toEqual([]);
    // The list shape written before rules had versions still reads
    expect(parseMcidOverrides([{ instrument: "odi", absolute: 12, source: "x" }])[0]?.key).toBe("odi");
  });
});
