import { describe, expect, it } from "vitest";
import { DUE_REASONS } from "@/lib/clinical/caseload-rules";
import { selectDue, selectNotImproving } from "@/lib/dashboard/attention";
import type { CaseloadFact } from "@/lib/dashboard/caseload-facts";
import type { InstrumentStat } from "@/lib/outcomes/stats";
import { makeClassifier, pickMainQuestionnaire } from "@/lib/outcomes/summarize";

const NOW = new Date("2026-03-11T12:00:00Z");
const DAY = 86_400_000;
const ago = (days: number) => NOW.getTime() - days * DAY;

function fact(over: Partial<CaseloadFact>): CaseloadFact {
  return {
    id: "p1",
    first_name: "Pat",
    last_name: "Case",
    first_assessed: ago(70),
    last_assessed: ago(7),
    review_at: null,
    review_date: null,
    course_id: null,
    course_status: null,
    planned_sessions: null,
    course_completed: 0,
    half_at: null,
    final_at: null,
    sessions_completed: 0,
    stats: [],
    ...over,
  };
}

function stat(instrument: InstrumentStat["instrument"], baseline: number, latest: number, n = 2, firstDaysAgo = 70): InstrumentStat {
  const direction = instrument === "psfs" ? "higher-is-better" : "higher-is-worse";
  return { patient_id: "p1", instrument, n, first_t: ago(firstDaysAgo), baseline, latest, direction };
}

describe("main questionnaire", () => {
  it("is the one recorded most often, then the one started first, never pain", () => {
    expect(pickMainQuestionnaire([stat("nprs", 7, 7, 9), stat("odi", 40, 40, 3), stat("rmdq", 10, 10, 2)])?.instrument).toBe("odi");
    expect(pickMainQuestionnaire([stat("psfs", 3, 3, 2, 20), stat("odi", 40, 40, 2, 60)])?.instrument).toBe("odi");
    expect(pickMainQuestionnaire([stat("nprs", 7, 7)])).toBeNull();
  });
});

describe("not improving list", () => {
  const classify = makeClassifier([]);

  it("flags a flat patient after four weeks, not one improving on the main questionnaire", () => {
    const flat = [stat("nprs", 7, 7), stat("odi", 40, 36)];
    expect(selectNotImproving([fact({ stats: flat })], classify, NOW).map((r) => r.weeksInCare)).toEqual([10]);
    const better = [stat("nprs", 7, 7), stat("psfs", 3, 6)];
    expect(selectNotImproving([fact({ stats: better })], classify, NOW)).toEqual([]);
  });

  it("waits for four weeks or six sessions", () => {
    const flat = [stat("nprs", 7, 7)];
    expect(selectNotImproving([fact({ first_assessed: ago(14), stats: flat })], classify, NOW)).toEqual([]);
    expect(selectNotImproving([fact({ first_assessed: ago(14), sessions_completed: 6, stats: flat })], classify, NOW)).toHaveLength(1);
  });
});

describe("due list", () => {
  it("asks for the 50 % reassessment until an assessment follows the halfway session", () => {
    const course = { course_id: "c1", planned_sessions: 10, course_completed: 6, half_at: ago(3), final_at: null };
    expect(selectDue([fact({ ...course, last_assessed: ago(7) })], NOW)[0]?.reasons).toEqual([DUE_REASONS.reassessment50]);
    expect(selectDue([fact({ ...course, last_assessed: ago(1) })], NOW)).toEqual([]);
  });

  it("asks for the final reassessment once the plan is complete", () => {
    const course = { course_id: "c1", planned_sessions: 10, course_completed: 10, half_at: ago(12), final_at: ago(2), last_assessed: ago(8) };
    expect(selectDue([fact(course)], NOW)[0]?.reasons).toEqual([DUE_REASONS.reassessment100]);
  });

  it("lists a passed review date and an assessment over six weeks old, most reasons first", () => {
    const rows = selectDue(
      [fact({ id: "a", review_at: ago(0.5), review_date: "2026-03-11" }), fact({ id: "b", review_at: ago(1), last_assessed: ago(50) }), fact({ id: "c", review_at: ago(-1) })],
      NOW,
    );
    expect(rows.map((r) => [r.patientId, r.reasons])).toEqual([
      ["b", [DUE_REASONS.programmeReview, DUE_REASONS.assessmentOverdue]],
      ["a", [DUE_REASONS.programmeReview]],
    ]);
  });
});

describe("main questionnaire ties", () => {
  it("prefers the disability index when questionnaires were recorded together", () => {
    expect(pickMainQuestionnaire([stat("psfs", 4, 4, 5), stat("rmdq", 12, 11, 5), stat("odi", 38, 34, 5)])?.instrument).toBe("odi");
  });
});
