import { describe, expect, it } from "vitest";
import {
  DUE_REASONS,
  computeAdherencePercent,
  getDueDates,
  getDueReasons,
  getNotImprovingFrom,
  isLowAdherence,
  isNotImproving,
} from "@/lib/clinical/caseload-rules";

const now = new Date("2025-06-30T10:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

// Whether an improvement is shown comes from lib/outcomes (tests/unit/outcomes): here only the timing rule
const stalled = { firstAssessmentAt: daysAgo(35), now, sessionsCompleted: 0, improvementShown: false };

describe("isNotImproving", () => {
  it("flags a patient 5 weeks in with no meaningful improvement", () => {
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

  it("does not flag when an improvement is shown", () => {
    expect(isNotImproving({ ...stalled, improvementShown: true })).toBe(false);
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

// The summary rows store these dates and the dashboard compares them with today: on every day they must agree with the rules.
describe("getNotImprovingFrom", () => {
  const days = Array.from({ length: 61 }, (_, i) => daysAgo(30 - i));
  it("starts on the day isNotImproving turns true, by weeks since the first assessment", () => {
    const firstAssessmentAt = daysAgo(20);
    const from = getNotImprovingFrom({ firstAssessmentAt, enoughSessionsAt: null, improvementShown: false });
    for (const day of days) {
      expect(from !== null && from <= day).toBe(isNotImproving({ firstAssessmentAt, now: day, sessionsCompleted: 0, improvementShown: false }));
    }
  });

  it("starts with the session that reached the count, whichever wait passes first", () => {
    const from = getNotImprovingFrom({ firstAssessmentAt: daysAgo(10), enoughSessionsAt: daysAgo(3), improvementShown: false });
    expect(from).toEqual(daysAgo(3));
    expect(getNotImprovingFrom({ firstAssessmentAt: daysAgo(40), enoughSessionsAt: daysAgo(3), improvementShown: false })).toEqual(daysAgo(12));
  });

  it("is null once an improvement is shown, or while nothing has started", () => {
    expect(getNotImprovingFrom({ firstAssessmentAt: daysAgo(40), enoughSessionsAt: daysAgo(3), improvementShown: true })).toBeNull();
    expect(getNotImprovingFrom({ firstAssessmentAt: null, enoughSessionsAt: null, improvementShown: false })).toBeNull();
  });
});

describe("getDueDates", () => {
  it("gives the instants from which getDueReasons names the review and the overdue assessment", () => {
    const lastAssessmentAt = daysAgo(30);
    const programmeReviewDate = daysAgo(-5);
    const { reviewDueAt, assessmentOverdueAt } = getDueDates({ programmeReviewDate, lastAssessmentAt });
    for (let i = -20; i <= 20; i++) {
      const day = new Date(now.getTime() + i * 86_400_000 + 3_600_000);
      const reasons = getDueReasons({ programmeReviewDate, lastAssessmentAt, active: true, now: day });
      expect(reasons.includes(DUE_REASONS.programmeReview)).toBe(reviewDueAt! <= day);
      expect(reasons.includes(DUE_REASONS.assessmentOverdue)).toBe(assessmentOverdueAt! < day);
    }
  });
});
