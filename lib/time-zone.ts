import { TZDate, tz } from "@date-fns/tz";
import { format, isValid, parse } from "date-fns";

/**
 * Clinic-local wall-clock values ("2026-03-02T10:30", "2026-03-02") and the
 * instants the database stores. @date-fns/tz knows every zone's rules,
 * daylight-saving changes included.
 */
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const LOCAL_FORMAT = "yyyy-MM-dd'T'HH:mm";

export function isLocalDateTime(value: string): boolean {
  if (!LOCAL_DATE_TIME.test(value)) return false;
  const parsed = parse(value, LOCAL_FORMAT, new Date(2000, 0, 1));
  return isValid(parsed) && format(parsed, LOCAL_FORMAT) === value;
}

/** The instant a clinic's wall clock shows `local`; a time in a spring-forward gap lands just after it. */
export function localToInstant(local: string, timeZone: string): Date {
  if (!isLocalDateTime(local)) throw new RangeError(`Not a local date-time: ${local}`);
  const [y, mo, d, h, mi] = local.split(/[-T:]/).map(Number) as [number, number, number, number, number];
  return new Date(new TZDate(y, mo - 1, d, h, mi, timeZone).getTime());
}

/** An instant as the clinic's wall clock shows it, for a datetime-local input. */
export function instantToLocal(at: Date, timeZone: string): string {
  return format(at, LOCAL_FORMAT, { in: tz(timeZone) });
}

/** The clinic-local calendar date of an instant (YYYY-MM-DD). */
export function instantToLocalDate(at: Date, timeZone: string): string {
  return format(at, "yyyy-MM-dd", { in: tz(timeZone) });
}

