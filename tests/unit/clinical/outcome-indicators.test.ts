import { describe, expect, it } from "vitest";
import { INDICATOR_WINDOW_DAYS, isMeasuredAtIntakeAndDischarge, type ScoredPoint } from "@/lib/clinical/outcome-indicators";

const DAY = 24 * 60 * 60 * 1000;
const INTAKE = Date.UTC(2026, 0, 1);
const DISCHARGE = INTAKE + 90 * DAY;
const at = (instrument: ScoredPoint["instrument"], t: number, assessmentId: string): ScoredPoint => ({ instrument, takenAt: t, assessmentId });

describe("measured at intake and discharge", () => {
  it("counts a score at intake and another at discharge", () => {
    expect(isMeasuredAtIntakeAndDischarge([at("nprs", INTAKE, "a"), at("nprs", DISCHARGE - 3 * DAY, "b")], ["nprs"], INTAKE, DISCHARGE)).toBe(true);
  });

  it("accepts scores up to the window's edge after intake and either side of discharge, and not a day beyond", () => {
    const w = INDICATOR_WINDOW_DAYS * DAY;
    expect(isMeasuredAtIntakeAndDischarge([at("nprs", INTAKE + w, "a"), at("nprs", DISCHARGE + w, "b")], ["nprs"], INTAKE, DISCHARGE)).toBe(true);
    expect(isMeasuredAtIntakeAndDischarge([at("nprs", INTAKE + w + DAY, "a"), at("nprs", DISCHARGE, "b")], ["nprs"], INTAKE, DISCHARGE)).toBe(false);
    expect(isMeasuredAtIntakeAndDischarge([at("nprs", INTAKE, "a"), at("nprs", DISCHARGE - w - DAY, "b")], ["nprs"], INTAKE, DISCHARGE)).toBe(false);
  });

  it("needs the indicator's instrument at both ends: pain at intake and function at discharge is neither", () => {
    const points = [at("nprs", INTAKE, "a"), at("psfs", DISCHARGE, "b")];
    expect(isMeasuredAtIntakeAndDischarge(points, ["nprs"], INTAKE, DISCHARGE)).toBe(false);
    expect(isMeasuredAtIntakeAndDischarge(points, ["psfs"], INTAKE, DISCHARGE)).toBe(false);
  });

  it("lets any of a set count, and needs two different assessments when intake and discharge are close", () => {
    expect(isMeasuredAtIntakeAndDischarge([at("odi", INTAKE, "a"), at("rmdq", DISCHARGE, "b")], ["odi", "rmdq"], INTAKE, DISCHARGE)).toBe(true);
    const soon = INTAKE + 5 * DAY;
    expect(isMeasuredAtIntakeAndDischarge([at("nprs", INTAKE, "a")], ["nprs"], INTAKE, soon)).toBe(false);
    expect(isMeasuredAtIntakeAndDischarge([at("nprs", INTAKE, "a"), at("nprs", soon, "b")], ["nprs"], INTAKE, soon)).toBe(true);
  });
});
