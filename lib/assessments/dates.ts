import { todayIn } from "@/lib/format";

/** Minutes the zone is ahead of UTC at that instant, read from Intl (no tz library needed). */
function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant stored for an assessment dated `date` (YYYY-MM-DD) in the
 * clinic's zone: now when it is today, else noon of that day (noon never
 * falls in a daylight-saving gap, and keeps the date in every nearby zone).
 */
export function toAssessedAt(date: string, timeZone: string, now = new Date()): Date {
  if (date === todayIn(timeZone, now)) return now;
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const noonUtc = new Date(Date.UTC(y, m - 1, d, 12));
  return new Date(noonUtc.getTime() - zoneOffsetMs(noonUtc, timeZone));
}

/** The clinic-local calendar date of an instant, as YYYY-MM-DD. */
export function toAssessmentDate(at: Date, timeZone: string): string {
  return todayIn(timeZone, at);
}

/** True when the date lies after today in the clinic's zone. */
export function isFutureDate(date: string, timeZone: string, now = new Date()): boolean {
  return date > todayIn(timeZone, now);
}
