import { addDays, format, getISODay, parseISO } from "date-fns";
import { localToInstant } from "@/lib/time-zone";

/** What the calendar's address says: which day, day or week, columns by practitioner or by table. */
export type CalendarParams = {
  date: string;
  view: "day" | "week";
  by: "practitioner" | "table";
  /** In week view: the practitioner's or table's id whose week is shown. */
  who: string | null;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Reads the address; anything unreadable falls back to today, day view, by practitioner. */
export function readCalendarParams(sp: Record<string, string | string[] | undefined>, today: string): CalendarParams {
  const date = one(sp.date);
  const valid = date && DATE.test(date) && !Number.isNaN(parseISO(date).getTime()) && format(parseISO(date), "yyyy-MM-dd") === date;
  return {
    date: valid ? date : today,
    view: one(sp.view) === "week" ? "week" : "day",
    by: one(sp.by) === "table" ? "table" : "practitioner",
    who: one(sp.who) ?? null,
  };
}

/** The clinic-local days shown: one, or Monday to Sunday of the date's week. */
export function listShownDays(params: Pick<CalendarParams, "date" | "view">): string[] {
  const day = parseISO(params.date);
  if (params.view === "day") return [params.date];
  const monday = addDays(day, 1 - getISODay(day));
  return Array.from({ length: 7 }, (_, i) => format(addDays(monday, i), "yyyy-MM-dd"));
}

/** The instants bounding the shown days on the clinic's wall clock (a 23- or 25-hour day included). */
export function getShownRange(days: readonly string[], timeZone: string): { from: Date; to: Date } {
  const last = days.at(-1) ?? days[0]!;
  return { from: localToInstant(`${days[0]}T00:00`, timeZone), to: localToInstant(`${format(addDays(parseISO(last), 1), "yyyy-MM-dd")}T00:00`, timeZone) };
}

/** The date a previous / next button goes to. */
export function stepDate(params: Pick<CalendarParams, "date" | "view">, direction: -1 | 1): string {
  return format(addDays(parseISO(params.date), direction * (params.view === "week" ? 7 : 1)), "yyyy-MM-dd");
}

export function calendarHref(params: CalendarParams, over: Partial<CalendarParams> = {}): string {
  const p = { ...params, ...over };
  const q = new URLSearchParams({ date: p.date, view: p.view, by: p.by });
  if (p.who) q.set("who", p.who);
  return `/calendar?${q.toString()}`;
}
