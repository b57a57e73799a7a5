import { describe, expect, it } from "vitest";
import { computeEnduranceRatios } from "@/lib/clinical/measures";

// Targets from McGill, Childs & Liebenson 1999 [V] (clinical-reference.md §2)
describe("computeEnduranceRatios (McGill targets)", () => {
  it("does not flag a balanced profile", () => {
    const r = computeEnduranceRatios({ flexor: 120, extensor: 160, sideLeft: 90, sideRight: 88 });
    expect(r.flexionExtension).toMatchObject({ value: 0.75, flagged: false });
    expect(r.sideLeftExtension).toMatchObject({ value: 0.56, flagged: false });
    expect(r.sideRightExtension).toMatchObject({ value: 0.55, flagged: false });
    expect(r.leftRightAsymmetry).toMatchObject({ value: 0.02, flagged: false });
  });

  it("flags flexion/extension at or above 1.0 and side/extension at or above 0.75", () => {
    const r = computeEnduranceRatios({ flexor: 100, extensor: 100, sideLeft: 80, sideRight: 75 });
    expect(r.flexionExtension).toMatchObject({ value: 1, flagged: true });
    expect(r.sideLeftExtension).toMatchObject({ value: 0.8, flagged: true });
    expect(r.sideRightExtension).toMatchObject({ value: 0.75, flagged: true });
    expect(r.sideRightExtension.exact).toBe(0.75);
  });

  it("measures left/right symmetrically: abs(L - R) / max(L, R) over 0.05 is flagged on either side", () => {
    const asymmetry = (l: number, r: number) => computeEnduranceRatios({ sideLeft: l, sideRight: r }).leftRightAsymmetry;
    expect(asymmetry(100, 95)).toMatchObject({ value: 0.05, flagged: false });
    expect(asymmetry(95, 100)).toMatchObject({ value: 0.05, flagged: false });
    expect(asymmetry(100, 94)).toMatchObject({ value: 0.06, flagged: true });
    expect(asymmetry(94, 100)).toMatchObject({ value: 0.06, flagged: true });
    expect(asymmetry(60, 80)).toMatchObject({ value: 0.25, flagged: true });
  });

  it("returns null ratios for missing or zero holds", () => {
    const r = computeEnduranceRatios({ flexor: 100, extensor: 0 });
    expect(r.flexionExtension).toMatchObject({ value: null, flagged: false });
    expect(r.leftRightAsymmetry.value).toBeNull();
  });
});
