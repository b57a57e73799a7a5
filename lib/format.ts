import { differenceInYears, parseISO } from "date-fns";

const LOCALE = "en-GB";

/** A calendar date (YYYY-MM-DD) as "14 Mar 1975"; no time zone applies to it. */
export function formatDate(isoDate: string): string {
  return new Intl.DateTimeFormat(LOCALE, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** An instant, shown in the clinic's time zone. */
export function formatDateTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE, { dateStyle: "medium", timeStyle: "short", timeZone }).format(at);
}

export function formatInstantDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE, { dateStyle: "medium", timeZone }).format(at);
}

/** Today's date in the clinic's time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function ageInYears(dateOfBirth: string, now = new Date()): number {
  return differenceInYears(now, parseISO(dateOfBirth));
}

export const SEX_LABELS = { female: "Female", male: "Male", other: "Other", unknown: "Not recorded" } as const;
