import {
  computeAdherencePercent,
  DUE_REASONS,
  getDueDates,
  getNotImprovingFrom,
  isLowAdherence,
} from "@/lib/clinical/caseload-rules";
import { computeReassessmentDue, type ReassessmentMilestone } from "@/lib/clinical/decompression";
import type { AdherenceWeekFacts, SummaryFacts } from "./compute";

/** One stored adherence week, judged by the caseload rules. */
export type AdherenceWeek = AdherenceWeekFacts & { percent: number | null; low: boolean };

/**
 * What the dashboard's lists filter and sort on, judged once per write by the rules' own
 * functions (lib/outcomes, lib/clinical/caseload-rules) and stored beside the facts. Nothing
 * here goes stale as days pass: time-dependent verdicts are stored as the instant they start
 * to hold, and the lists compare that with today in SQL.
 */
export type SummaryVerdicts = {
  /** The outcome model's verdict under the clinic's rules: a meaningful improvement on pain or the main questionnaire. */
  improved: boolean;
  /** From when the patient counts as not improving (getNotImprovingFrom). */
  not_improving_from: number | null;
  /** The decompression reassessment due now, if any (computeReassessmentDue: does not depend on the day). */
  reassessment_due: ReassessmentMilestone | null;
  /** From when the programme review and the assessment are due (getDueDates). */
  review_due_at: number | null;
  assessment_overdue_at: number | null;
  /** The earliest of the three: the index's range; the list re-checks each reason. */
  due_from: number | null;
  adherence: AdherenceWeek[];
  /** The latest week of `adherence` below the threshold: the index's range for "last week" (it is never earlier than a low last week). */
  low_adherence_week: string | null;
};

const date = (ms: number | null) => (ms === null ? null : new Date(ms));
const ms = (d: Date | null) => (d === null ? null : d.getTime());

/** The latest course's progress as computeReassessmentDue reads it: which milestones a signed assessment since covers. */
export function describeCourse(f: Pick<SummaryFacts, "course_id" | "planned_sessions" | "course_completed" | "last_assessed" | "half_at" | "final_at">) {
  if (!f.course_id || !f.planned_sessions) return null;
  const done: ReassessmentMilestone[] = [];
  if (f.last_assessed !== null && f.half_at !== null && f.last_assessed >= f.half_at) done.push(50);
  if (f.last_assessed !== null && f.final_at !== null && f.last_assessed >= f.final_at) done.push(100);
  return { planned: f.planned_sessions, completed: f.course_completed, done };
}

export const REASSESSMENT_REASON: Record<ReassessmentMilestone, string> = { 50: DUE_REASONS.reassessment50, 100: DUE_REASONS.reassessment100 };

export function judgeSummary(f: SummaryFacts & { adherence: AdherenceWeekFacts[] }, improved: boolean): SummaryVerdicts {
  const course = describeCourse(f);
  const reassessment_due = course ? (computeReassessmentDue({ plannedSessions: course.planned, completedSessions: course.completed, done: course.done }).due[0] ?? null) : null;
  // The milestone session's completion: when the reassessment became due.
  const reassessmentFrom = reassessment_due === 50 ? f.half_at : reassessment_due === 100 ? f.final_at : null;
  const { reviewDueAt, assessmentOverdueAt } = getDueDates({ programmeReviewDate: date(f.review_at), lastAssessmentAt: date(f.last_assessed) });
  const starts = [reassessmentFrom, ms(reviewDueAt), ms(assessmentOverdueAt)].filter((t): t is number => t !== null);
  const adherence = f.adherence.map((w) => {
    const percent = computeAdherencePercent(w.done, w.prescribed);
    return { ...w, percent, low: isLowAdherence(percent) };
  });
  return {
    improved,
    not_improving_from: ms(getNotImprovingFrom({ firstAssessmentAt: date(f.first_assessed), enoughSessionsAt: date(f.enough_sessions_at), improvementShown: improved })),
    reassessment_due,
    review_due_at: ms(reviewDueAt),
    assessment_overdue_at: ms(assessmentOverdueAt),
    due_from: starts.length === 0 ? null : Math.min(...starts),
    adherence,
    low_adherence_week: adherence.find((w) => w.low)?.week ?? null,
  };
}
