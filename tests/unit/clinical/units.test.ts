import { describe, expect, it } from "vitest";
import { convertWeight, formatWeightBoth, fromKg, KG_PER_LB, roundKg, toKg } from "@/lib/clinical/units";

describe("units: kg and lb", () => {
  it("uses the exact pound of the 1959 agreement", () => {
    expect(KG_PER_LB).toBe(0.45359237);
    expect(toKg(100, "lb")).toBeCloseTo(45.359237, 9);
    expect(convertWeight(45.359237, "kg", "lb")).toBeCloseTo(100, 9);
  });

  it("writes both units, the preferred one first", () => {
    expect(formatWeightBoth(34, "kg")).toBe("34.0 kg (75.0 lb)");
    expect(formatWeightBoth(34, "lb")).toBe("75.0 lb (34.0 kg)");
  });

  it("round-trips a stored weight through the form's unit without drifting", () => {
    for (const kg of [2, 58.3, 68.4, 91.2, 95.4, 350]) expect(roundKg(toKg(fromKg(kg, "lb"), "lb"))).toBe(kg);
  });
});
