import { describe, expect, it } from "vitest";
import {
  KG_PER_LB,
  LB_PER_KG,
  checkForce,
  checkSessionDuration,
  computeReassessmentDue,
  convertForce,
  forcePercentOfBodyWeight,
  getTypicalStartRange,
  toKg,
  validateCoursePlan,
} from "@/lib/clinical/decompression";

describe("force units", () => {
  it("uses the exact pound definition", () => {
    expect(KG_PER_LB).toBe(0.45359237);
    expect(LB_PER_KG).toBeCloseTo(2.20462, 5);
  });

  it("converts both ways and round-trips", () => {
    expect(convertForce(100, "lb", "kg")).toBeCloseTo(45.359237, 9);
    expect(convertForce(45.359237, "kg", "lb")).toBeCloseTo(100, 9);
    expect(convertForce(12, "kg", "kg")).toBe(12);
    expect(toKg(50, "lb")).toBeCloseTo(22.6796185, 7);
    expect(toKg(30, "kg")).toBe(30);
    for (const v of [0, 1, 17.3, 250]) expect(toKg(convertForce(v, "kg", "lb"), "lb")).toBeCloseTo(v, 9);
  });

  it("computes force as a percentage of body weight", () => {
    expect(forcePercentOfBodyWeight(40, 80)).toBe(50);
    expect(forcePercentOfBodyWeight(8, 80)).toBe(10);
    expect(() => forcePercentOfBodyWeight(10, 0)).toThrow(RangeError);
    expect(() => forcePercentOfBodyWeight(10, -70)).toThrow(RangeError);
  });

  it("gives typical starting ranges by region", () => {
    expect(getTypicalStartRange("lumbar", 80)).toEqual({ minKg: 24, maxKg: 28 });
    expect(getTypicalStartRange("lumbar", 80, true)).toEqual({ minKg: 16, maxKg: 24 });
    const cervical = getTypicalStartRange("cervical", 80);
    expect(cervical.minKg).toBeCloseTo(5.6);
    expect(cervical.maxKg).toBeCloseTo(8);
  });
});

describe("checkForce", () => {
  it("accepts a typical lumbar force with no warning", () => {
    expect(checkForce({ region: "lumbar", maxForceKg: 26, minForceKg: 10, bodyWeightKg: 80 })).toEqual({
      errors: [],
      warnings: [],
      percentMax: 32.5,
      percentMin: 12.5,
    });
  });

  it("warns for lumbar at 55 % of body weight, and not at exactly 50 %", () => {
    const result = checkForce({ region: "lumbar", maxForceKg: 44, minForceKg: 10, bodyWeightKg: 80 });
    expect(result.errors).toEqual([]);
    expect(result.percentMax).toBeCloseTo(55);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain("55.0 %");
    expect(result.warnings[0]).toContain("50 %");
    expect(checkForce({ region: "lumbar", maxForceKg: 40, bodyWeightKg: 80 }).warnings).toEqual([]);
  });

  it("warns for cervical at 12 % of body weight", () => {
    const result = checkForce({ region: "cervical", maxForceKg: 9.6, minForceKg: 2, bodyWeightKg: 80 });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain("10 % cervical");
    // The same force is unremarkable for a lumbar session.
    expect(checkForce({ region: "lumbar", maxForceKg: 9.6, bodyWeightKg: 80 }).warnings).toEqual([]);
  });

  it("refuses more than 100 % of body weight, without also warning", () => {
    const result = checkForce({ region: "lumbar", maxForceKg: 96, minForceKg: 10, bodyWeightKg: 80 });
    expect(result.percentMax).toBeCloseTo(120);
    expect(result.errors).toEqual(["Maximum force is 120.0 % of body weight: more than body weight is refused"]);
    expect(result.warnings).toEqual([]);
    expect(checkForce({ region: "lumbar", maxForceKg: 80, bodyWeightKg: 80 }).errors).toEqual([]);
  });

  it("refuses negative forces", () => {
    expect(checkForce({ region: "lumbar", maxForceKg: -5, bodyWeightKg: 80 }).errors).toContain(
      "Maximum force cannot be negative",
    );
    expect(checkForce({ region: "lumbar", maxForceKg: 20, minForceKg: -1, bodyWeightKg: 80 }).errors).toContain(
      "Minimum force cannot be negative",
    );
  });

  it("refuses a minimum above the maximum", () => {
    expect(checkForce({ region: "lumbar", maxForceKg: 20, minForceKg: 25, bodyWeightKg: 80 }).errors).toEqual([
      "Minimum (rest) force cannot be more than the maximum (pull) force",
    ]);
    expect(checkForce({ region: "lumbar", maxForceKg: 20, minForceKg: 20, bodyWeightKg: 80 }).errors).toEqual([]);
  });

  it("refuses to judge without a body weight", () => {
    const result = checkForce({ region: "lumbar", maxForceKg: 20, bodyWeightKg: 0 });
    expect(result.errors).toEqual(["Body weight must be more than 0 kg to check the force"]);
    expect(result.percentMax).toBeNull();
    expect(result.percentMin).toBeNull();
  });

  it("treats a missing minimum as not recorded", () => {
    expect(checkForce({ region: "lumbar", maxForceKg: 20, minForceKg: null, bodyWeightKg: 80 }).percentMin).toBeNull();
  });
});

describe("computeReassessmentDue", () => {
  it("places milestones at ceil(50 %) and 100 % of planned sessions", () => {
    expect(computeReassessmentDue({ plannedSessions: 12, completedSessions: 0 })).toEqual({
      halfwayAtSession: 6,
      finalAtSession: 12,
      due: [],
    });
    expect(computeReassessmentDue({ plannedSessions: 15, completedSessions: 0 }).halfwayAtSession).toBe(8);
  });

  it.each([
    [15, 7, []],
    [15, 8, [50]],
    [15, 14, [50]],
    [15, 15, [100]],
    [15, 17, [100]],
  ])("planned %i, completed %i: due %j", (planned, completed, due) => {
    expect(computeReassessmentDue({ plannedSessions: planned, completedSessions: completed }).due).toEqual(due);
  });

  it("drops a milestone once its reassessment is recorded", () => {
    expect(computeReassessmentDue({ plannedSessions: 12, completedSessions: 7, done: [50] }).due).toEqual([]);
    expect(computeReassessmentDue({ plannedSessions: 12, completedSessions: 12, done: [50, 100] }).due).toEqual([]);
  });

  it("handles a one-session course and an empty plan", () => {
    expect(computeReassessmentDue({ plannedSessions: 1, completedSessions: 1 }).due).toEqual([100]);
    expect(computeReassessmentDue({ plannedSessions: 0, completedSessions: 3 }).due).toEqual([]);
  });
});

describe("validateCoursePlan", () => {
  it("accepts a typical plan silently", () => {
    expect(validateCoursePlan({ plannedSessions: 12, sessionsPerWeek: 3, durationMinutes: 20 })).toEqual({
      errors: [],
      warnings: [],
    });
  });

  it("warns outside the typical ranges", () => {
    const result = validateCoursePlan({ plannedSessions: 30, sessionsPerWeek: 6, durationMinutes: 45 });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      "Planned sessions (30 sessions) is outside the typical 12-25 sessions",
      "Sessions per week (6 per week) is outside the typical 2-5 per week",
      "Session duration (45 min) is outside the typical 10-30 min",
    ]);
  });

  it("warns when the course would run outside 4-8 weeks", () => {
    expect(validateCoursePlan({ plannedSessions: 24, sessionsPerWeek: 2 }).warnings).toEqual([
      "The course would last about 12 weeks, outside the typical 4-8 weeks",
    ]);
  });

  it("errors outside the hard limits", () => {
    const result = validateCoursePlan({ plannedSessions: 61, sessionsPerWeek: 0, durationMinutes: 61 });
    expect(result.errors).toEqual([
      "Planned sessions must be between 1 and 60 sessions",
      "Sessions per week must be between 1 and 7 per week",
      "Session duration must be between 1 and 60 min",
    ]);
    expect(result.warnings).toEqual([]);
  });

  it("requires whole sessions", () => {
    expect(validateCoursePlan({ plannedSessions: 12.5, sessionsPerWeek: 3 }).errors).toEqual([
      "Planned sessions must be a whole number",
    ]);
  });

  it("checks a single session's duration", () => {
    expect(checkSessionDuration(20)).toEqual({ errors: [], warnings: [] });
    expect(checkSessionDuration(5).warnings).toHaveLength(1);
    expect(checkSessionDuration(0).errors).toHaveLength(1);
  });
});
