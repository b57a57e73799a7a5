import { describe, expect, it, vi } from "vitest";
import {
  DUE_REASONS,
  computeAdherencePercent,
  getDueReasons,
  isLowAdherence,
  isNotImproving,
  type ClassifyChange,
} from "@/lib/clinical/caseload-rules";

// A stand-in MCID rule: 2 points either way, respecting direction.
const classify: ClassifyChange = (_instrument, baseline, latest, direction = "higher-is-worse") => {
  const gain = direction === "higher-is-worse" ? baseline - latest : latest - baseline;
  return gain >= 2 ? "improvement" : gain <= -2 ? "deterioration" : "no-meaningful-change";
};

const now = new Date("2025-06-30T10:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

const stalled = {
  firstAssessmentAt: daysAgo(35),
  now,
  sessionsCompleted: 0,
  pain: { baseline: 6, latest: 6 },
  mainQuestionnaire: { instrument: "odi", baseline: 40, latest: 39, direction: "higher-is-worse" as const },
  classify,
};

describe("isNotImproving", () => {
  it("flags a patient 5 weeks in with no meaningful change", () => {
    expect(isNotImproving(stalled)).toBe(true);
  });

  it("waits until 4 weeks have passed or 6 sessions are done", () => {
    expect(isNotImproving({ ...stalled, firstAssessmentAt: daysAgo(27) })).toBe(false);
    expect(isNotImproving({ ...stalled, firstAssessmentAt: daysAgo(28) })).toBe(true);
    expect(isNotImproving({ ...stalled, firstAssessmentAt: daysAgo(10), sessionsCompleted: 5 })).toBe(false);
    expect(isNotImproving({ ...stalled, firstAssessmentAt: daysAgo(10), sessionsCompleted: 6 })).toBe(true);
    expect(isNotImproving({ ...stalled, firstAssessmentAt: null, sessionsCompleted: 6 })).toBe(true);
    expect(isNotImproving({ ...stalled, firstAssessmentAt: null })).toBe(false);
  });

  it("does not flag when pain improves meaningfully", () => {
    expect(isNotImproving({ ...stalled, pain: { baseline: 6, latest: 3 } })).toBe(false);
  });

  it("does not flag when the main questionnaire improves meaningfully, respecting its direction", () => {
    expect(isNotImproving({ ...stalled, mainQuestionnaire: { ...stalled.mainQuestionnaire, latest: 30 } })).toBe(false);
    const psfs = { instrument: "psfs", baseline: 4, latest: 7, direction: "higher-is-better" as const };
    expect(isNotImproving({ ...stalled, mainQuestionnaire: psfs })).toBe(false);
    expect(isNotImproving({ ...stalled, mainQuestionnaire: { ...psfs, latest: 1 } })).toBe(true);
  });

  it("flags a deterioration", () => {
    expect(isNotImproving({ ...stalled, pain: { baseline: 4, latest: 8 } })).toBe(true);
  });

  it("flags an eligible patient with no follow-up scores at all", () => {
    expect(isNotImproving({ ...stalled, pain: null, mainQuestionnaire: null })).toBe(true);
  });

  it("passes instrument, scores and direction to the classifier", () => {
    const spy = vi.fn<ClassifyChange>(() => "no-meaningful-change");
    isNotImproving({ ...stalled, classify: spy });
    expect(spy).toHaveBeenCalledWith("nprs", 6, 6, "higher-is-worse");
    expect(spy).toHaveBeenCalledWith("odi", 40, 39, "higher-is-worse");
  });

  it("accepts other thresholds", () => {
    const early = { ...stalled, firstAssessmentAt: daysAgo(15) };
    expect(isNotImproving(early)).toBe(false);
    expect(isNotImproving({ ...early, rules: { minWeeksSinceFirstAssessment: 2 } })).toBe(true);
  });
});

describe("getDueReasons", () => {
  it("lists nothing for an inactive patient", () => {
    expect(
      getDueReasons({ course: { planned: 12, completed: 12 }, lastAssessmentAt: daysAgo(100), active: false, now }),
    ).toEqual([]);
  });

  it("lists the 50 % and 100 % decompression reassessments", () => {
    expect(getDueReasons({ course: { planned: 12, completed: 6 }, active: true, now })).toEqual([
      "Decompression reassessment due (50 %)",
    ]);
    expect(getDueReasons({ course: { planned: 12, completed: 12 }, active: true, now })).toEqual([
      "Decompression reassessment due (100 %)",
    ]);
    expect(getDueReasons({ course: { planned: 12, completed: 5 }, active: true, now })).toEqual([]);
    expect(getDueReasons({ course: { planned: 12, completed: 8, done: [50] }, active: true, now })).toEqual([]);
  });

  it("lists a passed programme review date, due on the day itself", () => {
    expect(getDueReasons({ programmeReviewDate: daysAgo(1), active: true, now })).toEqual([DUE_REASONS.programmeReview]);
    expect(getDueReasons({ programmeReviewDate: now, active: true, now })).toEqual([DUE_REASONS.programmeReview]);
    expect(getDueReasons({ programmeReviewDate: daysAgo(-1), active: true, now })).toEqual([]);
    expect(getDueReasons({ programmeReviewDate: null, active: true, now })).toEqual([]);
  });

  it("lists an assessment more than 6 weeks old", () => {
    expect(getDueReasons({ lastAssessmentAt: daysAgo(43), active: true, now })).toEqual(["Last assessment over 6 weeks ago"]);
    expect(getDueReasons({ lastAssessmentAt: daysAgo(42), active: true, now })).toEqual([]);
  });

  it("combines reasons in a stable order", () => {
    expect(
      getDueReasons({
        course: { planned: 20, completed: 20 },
        programmeReviewDate: daysAgo(3),
        lastAssessmentAt: daysAgo(60),
        active: true,
        now,
      }),
    ).toEqual([DUE_REASONS.reassessment100, DUE_REASONS.programmeReview, DUE_REASONS.assessmentOverdue]);
  });
});

describe("adherence", () => {
  it("computes completed over prescribed as a percentage, capped at 100", () => {
    expect(computeAdherencePercent(9, 12)).toBe(75);
    expect(computeAdherencePercent(0, 12)).toBe(0);
    expect(computeAdherencePercent(15, 12)).toBe(100);
  });

  it("returns null when nothing was prescribed and refuses negative counts", () => {
    expect(computeAdherencePercent(0, 0)).toBeNull();
    expect(() => computeAdherencePercent(-1, 10)).toThrow(RangeError);
    expect(() => computeAdherencePercent(1, -10)).toThrow(RangeError);
  });

  it("calls adherence below 50 % low", () => {
    expect(isLowAdherence(49.9)).toBe(true);
    expect(isLowAdherence(50)).toBe(false);
    expect(isLowAdherence(null)).toBe(false);
  });
});
