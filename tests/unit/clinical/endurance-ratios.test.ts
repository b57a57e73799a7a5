import { describe, expect, it } from "vitest";
import { computeEnduranceRatios } from "@/lib/clinical/measures";

describe("computeEnduranceRatios (McGill targets)", () => {
  it("does not flag a balanced profile", () => {
    const r = computeEnduranceRatios({ flexor: 120, extensor: 160, sideLeft: 90, sideRight: 88 });
    expect(r.flexionExtension).toMatchObject({ value: 0.75, flagged: false });
    expect(r.sideLeftExtension).toMatchObject({ value: 0.56, flagged: false });
    expect(r.sideRightExtension).toMatchObject({ value: 0.55, flagged: false });
    expect(r.leftRight).toMatchObject({ value: 1.02, flagged: false });
  });

  it("flags flexion/extension at or above 1.0 and side/extension at or above 0.75", () => {
    const r = computeEnduranceRatios({ flexor: 100, extensor: 100, sideLeft: 80, sideRight: 75 });
    expect(r.flexionExtension).toMatchObject({ value: 1, flagged: true });
    expect(r.sideLeftExtension).toMatchObject({ value: 0.8, flagged: true });
    expect(r.sideRightExtension).toMatchObject({ value: 0.75, flagged: true });
  });

  it("flags left/right outside 0.95-1.05", () => {
    expect(computeEnduranceRatios({ sideLeft: 60, sideRight: 80 }).leftRight).toMatchObject({ value: 0.75, flagged: true });
    expect(computeEnduranceRatios({ sideLeft: 105, sideRight: 100 }).leftRight.flagged).toBe(false);
  });

  it("returns null ratios for missing or zero holds", () => {
    const r = computeEnduranceRatios({ flexor: 100, extensor: 0 });
    expect(r.flexionExtension).toMatchObject({ value: null, flagged: false });
    expect(r.leftRight.value).toBeNull();
  });
});
