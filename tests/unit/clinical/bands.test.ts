import { describe, expect, it } from "vitest";
import { findBand } from "@/lib/clinical/instruments/bands";

const bands = [
  { id: "minimal", label: "Minimal", max: 20 },
  { id: "moderate", label: "Moderate", max: 40 },
];

describe("findBand", () => {
  it("treats the upper bound as inclusive", () => {
    expect(findBand(20, bands)?.id).toBe("minimal");
  });

  it("puts a score between integer edges (20.5) into the higher band", () => {
    expect(findBand(20.5, bands)?.id).toBe("moderate");
  });

  it("returns undefined above the last band", () => {
    expect(findBand(41, bands)).toBeUndefined();
  });
});
