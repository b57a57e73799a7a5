import { addDays, format, parseISO } from "date-fns";

/**
 * When a scheduled questionnaire is due. Pure: dates are ISO days in the
 * clinic's time zone. "before_review": once per review date of the
 * programme (its reassessment); "every_weeks": N weeks after the last one
 * sent, or after the programme's start when none was sent yet.
 */
export const SCHEDULE_RULES = ["before_review", "every_weeks"] as const;
export type ScheduleRule = (typeof SCHEDULE_RULES)[number];

// The link lasts 7 days: sent a week before the review, the answers are in by the visit [U: our choice].
export const BEFORE_REVIEW_DAYS = 7;
// Longer than a year between questionnaires is not a schedule [U: our choice].
export const MAX_EVERY_WEEKS = 52;

export type ScheduleInput = { rule: ScheduleRule; everyWeeks: number | null };
export type ProgrammeDates = { startDate: string; reviewDate: string | null };

const shift = (isoDay: string, days: number) => format(addDays(parseISO(isoDay), days), "yyyy-MM-dd");

/** The day the next questionnaire is due, or null when nothing is due (no review date, or already sent for it). */
export function findDueDate(schedule: ScheduleInput, programme: ProgrammeDates, lastSentOn: string | null): string | null {
  if (schedule.rule === "before_review") {
    if (!programme.reviewDate) return null;
    const due = shift(programme.reviewDate, -BEFORE_REVIEW_DAYS);
    return lastSentOn !== null && lastSentOn >= due ? null : due;
  }
  if (!schedule.everyWeeks || schedule.everyWeeks < 1) return null;
  const from = lastSentOn !== null && lastSentOn > programme.startDate ? lastSentOn : programme.startDate;
  return shift(from, schedule.everyWeeks * 7);
}

/** Whether it shows as due today (overdue ones stay due until sent). */
export function isDueOn(dueDate: string | null, today: string): boolean {
  return dueDate !== null && dueDate <= today;
}
