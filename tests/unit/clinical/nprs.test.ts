import { describe, expect, it } from "vitest";
import { NPRS_DESCRIPTOR, scoreNprs } from "@/lib/clinical/instruments";

describe("scoreNprs", () => {
  it.each([
    [0, "none"],
    [1, "mild"],
    [3, "mild"],
    [4, "moderate"],
    [6, "moderate"],
    [7, "severe"],
    [10, "severe"],
  ])("bands %d as %s", (current, band) => {
    expect(scoreNprs({ instrument: "nprs", current })).toMatchObject({ ok: true, score: current, band: { id: band } });
  });

  it("uses current pain as the score and keeps best and worst as items", () => {
    const result = scoreNprs({ instrument: "nprs", current: 5, best: 2, worst24h: 8 });
    expect(result).toMatchObject({ ok: true, score: 5, answered: 3, missing: 0, direction: "higher-is-worse", version: "0-10" });
    if (result.ok) expect(result.items.map((i) => i.value)).toEqual([5, 2, 8]);
  });

  it("counts unrecorded best / worst as missing items", () => {
    expect(scoreNprs({ instrument: "nprs", current: 5 })).toMatchObject({ ok: true, answered: 1, missing: 2 });
  });

  it.each([11, -1, 2.5])("refuses %d", (current) => {
    expect(scoreNprs({ instrument: "nprs", current })).toEqual({
      ok: false,
      instrument: "nprs",
      version: "0-10",
      reason: "NPRS is a whole number from 0 to 10",
    });
  });

  it("refuses an out-of-range worst pain", () => {
    expect(scoreNprs({ instrument: "nprs", current: 5, worst24h: 12 }).ok).toBe(false);
  });

  it("carries the LOINC code from the reference", () => {
    expect(NPRS_DESCRIPTOR.loinc).toBe("72514-3");
  });
});
