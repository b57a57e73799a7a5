import { differenceInYears, parseISO } from "date-fns";

const LOCALE = "en-GB";

// Building an Intl.DateTimeFormat costs far more than formatting with one (tens of microseconds
// against one or two): a patient page formats a few hundred dates, and made a formatter for each.
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The one maker of date formatters: built once per locale and options, then
 * reused (they hold no state between calls). The options are few and fixed
 * in code; only the time zone varies, one per clinic.
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    if (formatters.size >= 1000) formatters.clear();
    format = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

/** A calendar date (YYYY-MM-DD) as "14 Mar 1975"; no time zone applies to it. */
export function formatDate(isoDate: string): string {
  return dateTimeFormat(LOCALE, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** An instant, shown in the clinic's time zone. */
export function formatDateTime(at: Date, timeZone: string): string {
  return dateTimeFormat(LOCALE, { dateStyle: "medium", timeStyle: "short", timeZone }).format(at);
}

export function formatInstantDate(at: Date, timeZone: string): string {
  return dateTimeFormat(LOCALE, { dateStyle: "medium", timeZone }).format(at);
}

/** Today's date in the clinic's time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now = new Date()): string {
  return dateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function ageInYears(dateOfBirth: string, now = new Date()): number {
  return differenceInYears(now, parseISO(dateOfBirth));
}

export const SEX_LABELS = { female: "Female", male: "Male", other: "Other", unknown: "Not recorded" } as const;
