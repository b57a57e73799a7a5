import { describe, expect, it } from "vitest";
import { getMeasure } from "@/lib/clinical/measures";
import { getRangeStart, parseProgressRange } from "@/lib/progress/range";
import { selectReference } from "@/lib/progress/reference";
import { formatSeriesId, seriesIdSchema } from "@/lib/progress/series-id";

describe("progress range", () => {
  it("reads the range from the URL, falling back to all", () => {
    expect(parseProgressRange("6m")).toBe("6m");
    expect(parseProgressRange(["1y", "3m"])).toBe("1y");
    expect(parseProgressRange("forever")).toBe("all");
    expect(parseProgressRange(undefined)).toBe("all");
  });

  it("starts a range that many months back, and all at the beginning", () => {
    const now = new Date("2026-03-11T12:00:00Z");
    expect(getRangeStart("3m", now)?.toISOString()).toBe("2025-12-11T12:00:00.000Z");
    expect(getRangeStart("1y", now)?.toISOString()).toBe("2025-03-11T12:00:00.000Z");
    expect(getRangeStart("all", now)).toBeNull();
  });
});

describe("chart ids", () => {
  it("accepts pain, the questionnaires and catalogue measures only", () => {
    expect(seriesIdSchema.parse("pain")).toEqual({ kind: "pain" });
    expect(seriesIdSchema.parse("odi")).toEqual({ kind: "instrument", instrument: "odi" });
    expect(seriesIdSchema.parse("slr-passive")).toEqual({ kind: "measure", code: "slr-passive" });
    expect(seriesIdSchema.safeParse("../etc").success).toBe(false);
    expect(formatSeriesId({ kind: "measure", code: "slr-passive" })).toBe("slr-passive");
  });
});

describe("reference for a chart", () => {
  it("prefers the reference for the patient's sex, and skips those without a number", () => {
    const ake = getMeasure("ake-deficit")!;
    expect(selectReference(ake, "goniometer", "male")).toMatchObject({ high: 33 });
    expect(selectReference(ake, "goniometer", "female")).toMatchObject({ high: 23.4 });
    expect(selectReference(ake, "goniometer", "other")).toMatchObject({ high: 20 });
    expect(selectReference(getMeasure("pelvic-tilt")!, "inclinometer", "male")).toBeNull();
  });

  it("applies a method-specific range only to that method", () => {
    const lordosis = getMeasure("lumbar-lordosis")!;
    expect(selectReference(lordosis, "radiograph-cobb", "female")).toMatchObject({ low: 54, high: 62 });
    expect(selectReference(lordosis, "flexicurve", "female")).toBeNull();
  });
});
