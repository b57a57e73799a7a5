import { describe, expect, it } from "vitest";
import { DUE_REASONS } from "@/lib/clinical/caseload-rules";
import { selectDue, selectNotImproving } from "@/lib/dashboard/attention";
import type { CaseloadFact } from "@/lib/dashboard/caseload-facts";
import { series } from "./outcomes/points";

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
    enough_sessions_at: null,
    history: [],
    ...over,
  };
}

const NPRS = "0-10";
const at = NOW.getTime();

describe("not improving list", () => {
  it("flags a flat patient after four weeks, not one improving on the main questionnaire", () => {
    const flat = [...series("nprs", NPRS, [7, 7], at, 70), ...series("odi", "2.1a", [40, 36], at, 70)];
    expect(selectNotImproving([fact({ history: flat })], [], NOW).map((r) => r.weeksInCare)).toEqual([10]);
    const better = [...series("nprs", NPRS, [7, 7], at, 70), ...series("psfs", "1", [3, 6], at, 70)];
    expect(selectNotImproving([fact({ history: better })], [], NOW)).toEqual([]);
  });

  it("waits for four weeks or six sessions", () => {
    const flat = series("nprs", NPRS, [7, 7], at, 14);
    expect(selectNotImproving([fact({ first_assessed: ago(14), history: flat })], [], NOW)).toEqual([]);
    expect(selectNotImproving([fact({ first_assessed: ago(14), sessions_completed: 6, history: flat })], [], NOW)).toHaveLength(1);
  });

  it("judges a modified ODI on its own 6 points", () => {
    // 40 -> 33: 7 points, meaningful on the modified ODI (Fritz & Irrgang 2001), not on ODI 2.1a (10 points or 30 %)
    const pain = series("nprs", NPRS, [6, 6], at, 70);
    expect(selectNotImproving([fact({ history: [...pain, ...series("odi", "modified", [40, 33], at, 70)] })], [], NOW)).toEqual([]);
    expect(selectNotImproving([fact({ history: [...pain, ...series("odi", "2.1a", [40, 33], at, 70)] })], [], NOW)).toHaveLength(1);
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
