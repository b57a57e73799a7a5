import { addWeeks } from "date-fns";
import { computeReassessmentDue, type ReassessmentMilestone } from "./decompression";

/** Rules behind the caseload dashboard's "not improving" and "due" lists. */

export type NotImprovingRules = {
  /** [U] house default 4: the brief's threshold, not in clinical-reference.md. */
  minWeeksSinceFirstAssessment: number;
  /** [U] house default 6: the brief's threshold, not in clinical-reference.md. */
  minSessionsCompleted: number;
};
export const DEFAULT_NOT_IMPROVING_RULES: NotImprovingRules = { minWeeksSinceFirstAssessment: 4, minSessionsCompleted: 6 };

/**
 * True once the patient has had time to respond (enough weeks or enough
 * decompression sessions) and no meaningful improvement is shown on pain or
 * the main questionnaire (lib/outcomes decides that). Missing scores count
 * as "no improvement shown", so a patient without follow-up scores is
 * surfaced rather than hidden.
 */
export function isNotImproving(input: {
  firstAssessmentAt: Date | null;
  now: Date;
  sessionsCompleted: number;
  improvementShown: boolean;
  rules?: Partial<NotImprovingRules>;
}): boolean {
  const rules = { ...DEFAULT_NOT_IMPROVING_RULES, ...input.rules };
  const { firstAssessmentAt, now } = input;
  const enoughTime =
    firstAssessmentAt !== null && addWeeks(firstAssessmentAt, rules.minWeeksSinceFirstAssessment) <= now;
  const enoughSessions = input.sessionsCompleted >= rules.minSessionsCompleted;
  if (!enoughTime && !enoughSessions) return false;
  return !input.improvementShown;
}

/**
 * The instant from which isNotImproving holds while the facts stay as they are: the later
 * of the two waits is not needed, only the first to pass (enough weeks since the first
 * assessment, or the session that reached enough sessions); null when an improvement is
 * shown or neither wait has started. Stored on the summary row, so the dashboard compares
 * it with today and the list stays right as days pass without writes.
 */
export function getNotImprovingFrom(input: {
  firstAssessmentAt: Date | null;
  /** When the session that made the count reach minSessionsCompleted was completed, if it has. */
  enoughSessionsAt: Date | null;
  improvementShown: boolean;
  rules?: Partial<NotImprovingRules>;
}): Date | null {
  if (input.improvementShown) return null;
  const rules = { ...DEFAULT_NOT_IMPROVING_RULES, ...input.rules };
  const byTime = input.firstAssessmentAt === null ? null : addWeeks(input.firstAssessmentAt, rules.minWeeksSinceFirstAssessment);
  const waits = [byTime, input.enoughSessionsAt].filter((d): d is Date => d !== null);
  return waits.length === 0 ? null : new Date(Math.min(...waits.map((d) => d.getTime())));
}

// [U] house default: an active patient unassessed for more than 6 weeks is due (the brief's rule).
export const ASSESSMENT_OVERDUE_WEEKS = 6;

export const DUE_REASONS = {
  reassessment50: "Decompression reassessment due (50 %)",
  reassessment100: "Decompression reassessment due (100 %)",
  programmeReview: "Programme review date passed",
  assessmentOverdue: `Last assessment over ${ASSESSMENT_OVERDUE_WEEKS} weeks ago`,
} as const;

/** Why an active patient needs attention now; empty when nothing is due or the patient is inactive. */
export function getDueReasons(input: {
  course?: { planned: number; completed: number; done?: readonly ReassessmentMilestone[] } | null;
  programmeReviewDate?: Date | null;
  lastAssessmentAt?: Date | null;
  active: boolean;
  now: Date;
}): string[] {
  const { course, programmeReviewDate, lastAssessmentAt, active, now } = input;
  if (!active) return [];
  const reasons: string[] = [];
  if (course) {
    const { due } = computeReassessmentDue({
      plannedSessions: course.planned,
      completedSessions: course.completed,
      done: course.done,
    });
    if (due.includes(50)) reasons.push(DUE_REASONS.reassessment50);
    if (due.includes(100)) reasons.push(DUE_REASONS.reassessment100);
  }
  // A review date is due on the day itself, not the day after.
  if (programmeReviewDate && programmeReviewDate <= now) reasons.push(DUE_REASONS.programmeReview);
  if (lastAssessmentAt && addWeeks(lastAssessmentAt, ASSESSMENT_OVERDUE_WEEKS) < now) {
    reasons.push(DUE_REASONS.assessmentOverdue);
  }
  return reasons;
}

/**
 * When each due reason starts to hold while the facts stay as they are (getDueReasons is
 * the rule; these are its thresholds as dates, for the summary row): a programme review on
 * its day, an assessment strictly after ASSESSMENT_OVERDUE_WEEKS.
 */
export function getDueDates(input: { programmeReviewDate: Date | null; lastAssessmentAt: Date | null }): { reviewDueAt: Date | null; assessmentOverdueAt: Date | null } {
  return {
    reviewDueAt: input.programmeReviewDate,
    assessmentOverdueAt: input.lastAssessmentAt === null ? null : addWeeks(input.lastAssessmentAt, ASSESSMENT_OVERDUE_WEEKS),
  };
}

/** Completed as a percentage of prescribed, capped at 100; null when nothing was prescribed. */
export function computeAdherencePercent(completed: number, prescribed: number): number | null {
  if (!Number.isFinite(completed) || !Number.isFinite(prescribed) || completed < 0 || prescribed < 0) {
    throw new RangeError(`Adherence needs non-negative counts, got ${completed} of ${prescribed}`);
  }
  if (prescribed === 0) return null;
  return Math.min(100, (completed / prescribed) * 100);
}

// [U] house default: below 50 % is low adherence (the brief's threshold, not in clinical-reference.md).
export const LOW_ADHERENCE_BELOW_PERCENT = 50;

export function isLowAdherence(percent: number | null): boolean {
  return percent !== null && percent < LOW_ADHERENCE_BELOW_PERCENT;
}
