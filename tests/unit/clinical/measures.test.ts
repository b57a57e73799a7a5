import { describe, expect, it } from "vitest";
import { formatMmtGrade, getMeasure, MEASURES, parseMmtGrade, validateMeasurementValue } from "@/lib/clinical/measures";

describe("measure catalogue", () => {
  it("has unique kebab-case codes", () => {
    const codes = MEASURES.map((m) => m.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("cites a source for every reference value", () => {
    for (const m of MEASURES) for (const r of m.reference ?? []) expect(r.source).not.toBe("");
  });

  it("records forward head posture without a reference range", () => {
    const cva = getMeasure("craniovertebral-angle");
    expect(cva).toMatchObject({ unit: "deg", worse: "none" });
    expect(cva?.reference).toBeUndefined();
    expect(cva?.note).toMatch(/No sourced norm/);
  });

  it("caps Biering-Sorensen at 240 s", () => {
    expect(getMeasure("biering-sorensen")).toMatchObject({ unit: "s", min: 0, max: 240 });
  });
});

describe("validateMeasurementValue", () => {
  it("accepts values in range", () => {
    expect(validateMeasurementValue("thomas-hip-angle", 10)).toBeNull();
    expect(validateMeasurementValue("mmt-gluteus-medius", 4.25)).toBeNull();
  });

  it("rejects an MMT grade of 6", () => {
    expect(validateMeasurementValue("mmt-quadriceps", 6)).toBe("Muscle grade must be between 0 and 5");
  });

  it("rejects a half grade", () => {
    expect(validateMeasurementValue("mmt-quadriceps", 4.5)).toMatch(/whole grade/);
  });

  it("rejects an angle of 400", () => {
    expect(validateMeasurementValue("thomas-hip-angle", 400)).toBe("Angle must be between -30 and 90 degrees");
  });

  it("rejects negative seconds", () => {
    expect(validateMeasurementValue("side-bridge", -5)).toBe("Time must be between 0 and 600 seconds");
    expect(validateMeasurementValue("biering-sorensen", 241)).toBe("Time must be between 0 and 240 seconds");
  });

  it("rejects unknown codes and non-numbers", () => {
    expect(validateMeasurementValue("nope", 1)).toBe("Unknown measure: nope");
    expect(validateMeasurementValue("modified-schober", Number.NaN)).toBe("Enter a number");
  });
});

describe("MMT grades", () => {
  it.each([
    ["0", 0],
    ["1-", 0.75],
    ["3+", 3.25],
    ["4-", 3.75],
    ["4", 4],
    ["4+", 4.25],
    ["5-", 4.75],
    ["5", 5],
  ])("round-trips %s as %d", (text, value) => {
    expect(parseMmtGrade(text)).toBe(value);
    expect(formatMmtGrade(value)).toBe(text);
  });

  it.each(["5+", "0+", "0-", "6", "4++", "", "four"])("rejects %s", (text) => {
    expect(parseMmtGrade(text)).toBeNull();
  });

  it("accepts a typographic minus", () => {
    expect(parseMmtGrade("4\u2212")).toBe(3.75);
  });
});
