import { todayIn } from "@/lib/format";
import { localToInstant } from "@/lib/time-zone";

/**
 * The instant stored for an assessment dated `date` (YYYY-MM-DD) in the
 * clinic's zone: now when it is today, else noon of that day (noon never
 * falls in a daylight-saving gap, and keeps the date in every nearby zone).
 */
export function toAssessedAt(date: string, timeZone: string, now = new Date()): Date {
  if (date === todayIn(timeZone, now)) return now;
  return localToInstant(`${date}T12:00`, timeZone);
}

/** The clinic-local calendar date of an instant, as YYYY-MM-DD. */
export function toAssessmentDate(at: Date, timeZone: string): string {
  return todayIn(timeZone, at);
}

/** True when the date lies after today in the clinic's zone. */
export function isFutureDate(date: string, timeZone: string, now = new Date()): boolean {
  return date > todayIn(timeZone, now);
}
