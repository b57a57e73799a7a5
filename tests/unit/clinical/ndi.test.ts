import { describe, expect, it } from "vitest";
import { scoreNdi, type NdiInput } from "@/lib/clinical/instruments";

type Items = NdiInput["items"];
const IDS = ["painIntensity", "personalCare", "lifting", "reading", "headaches", "concentration", "work", "driving", "sleeping", "recreation"] as const;

function items(values: (number | null)[]): Items {
  return Object.fromEntries(IDS.map((id, i) => [id, values[i] ?? null])) as Items;
}

describe("scoreNdi", () => {
  it("reports raw points as the score and the percent as raw x 2", () => {
    const result = scoreNdi({ instrument: "ndi", items: items([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]) });
    expect(result).toMatchObject({ ok: true, score: 10, unit: "points", scaleMax: 50, alternate: { score: 20, unit: "percent" }, band: { id: "mild" } });
  });

  it("fills one missing item with the mean of the answered items (Vernon's rule)", () => {
    const result = scoreNdi({ instrument: "ndi", items: items([2, 2, 2, 2, 2, 2, 2, 2, 2, null]) });
    expect(result).toMatchObject({ ok: true, score: 20, alternate: { score: 40 }, answered: 9, missing: 1, band: { id: "moderate" } });
  });

  it("keeps a fractional raw score and bands it into the higher band between edges", () => {
    // 9 answered items summing 4: mean 0.444, raw 4.4, between the none (0-4) and mild (5-14) bands
    const result = scoreNdi({ instrument: "ndi", items: items([1, 1, 1, 1, 0, 0, 0, 0, 0, null]) });
    expect(result).toMatchObject({ ok: true, band: { id: "mild" } });
    // Exact (4 + 4/9), shown as 4.4; the percent is raw x 2, exact too
    expect(result.ok && result.score).toBeCloseTo(4.4444, 4);
    expect(result.ok && result.alternate?.score).toBeCloseTo(8.8889, 4);
  });

  it.each([
    [4, "none"],
    [5, "mild"],
    [14, "mild"],
    [15, "moderate"],
    [25, "severe"],
    [35, "complete"],
    [50, "complete"],
  ])("bands raw %d as %s", (raw, band) => {
    const values = Array.from({ length: 10 }, (_, i) => Math.min(5, Math.max(0, raw - i * 5)));
    expect(scoreNdi({ instrument: "ndi", items: items(values) })).toMatchObject({ score: raw, band: { id: band } });
  });

  it("refuses when more than 2 items are missing", () => {
    const result = scoreNdi({ instrument: "ndi", items: items([1, 1, 1, 1, 1, 1, 1, null, null, null]) });
    expect(result.ok).toBe(false);
  });

  it("refuses an item outside 0-5", () => {
    expect(scoreNdi({ instrument: "ndi", items: items([1, 1, 1, 1, 1, 1, 1, 1, 1, -1]) })).toMatchObject({
      ok: false,
      reason: "Each NDI item is scored 0 to 5",
    });
  });
});
