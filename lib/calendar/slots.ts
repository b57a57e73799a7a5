import { addDays, format, getISODay, parseISO } from "date-fns";
import { tz } from "@date-fns/tz";
import { instantToLocal, localToInstant } from "@/lib/time-zone";

/**
 * Booked time as the clinic sees it. Slots are planned on the clinic's wall
 * clock (10:00 stays 10:00 across a daylight-saving change) and stored as instants.
 */
export type Slot = { startsAt: Date; endsAt: Date; treatmentTableId: string };
export type Interval = { startsAt: Date; endsAt: Date };

export const overlaps = (a: Interval, b: Interval) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** The clinic-local ISO weekday (1 Monday .. 7 Sunday) of an instant. */
export function localWeekday(at: Date, timeZone: string): number {
  return getISODay(new Date(instantToLocal(at, timeZone) + ":00"));
}

/** "HH:mm" on the clinic's wall clock. */
export function localTime(at: Date, timeZone: string): string {
  return format(at, "HH:mm", { in: tz(timeZone) });
}

/** The instant the clinic's wall clock shows `time` on `day`, plus its end. */
export function slotAt(day: string, time: string, durationMin: number, treatmentTableId: string, timeZone: string): Slot {
  const startsAt = localToInstant(`${day}T${time}`, timeZone);
  return { startsAt, endsAt: new Date(startsAt.getTime() + durationMin * 60_000), treatmentTableId };
}

export type CoursePattern = {
  /** First day the course may be booked on (clinic-local YYYY-MM-DD). */
  fromDate: string;
  weekdays: readonly number[];
  time: string;
  durationMin: number;
  treatmentTableId: string;
  count: number;
};

/** The course's slots: `count` sessions on the chosen weekdays at the chosen local time, from `fromDate` on. */
export function planCourseSlots(pattern: CoursePattern, timeZone: string): Slot[] {
  const days = new Set(pattern.weekdays);
  if (days.size === 0 || pattern.count < 1) return [];
  const out: Slot[] = [];
  for (let day = parseISO(pattern.fromDate); out.length < pattern.count; day = addDays(day, 1)) {
    if (days.has(getISODay(day))) out.push(slotAt(format(day, "yyyy-MM-dd"), pattern.time, pattern.durationMin, pattern.treatmentTableId, timeZone));
  }
  return out;
}

/** The next slot after `after` that the pattern would give: where a replacement for a missed session goes. */
export function nextPatternSlot(pattern: Omit<CoursePattern, "count" | "fromDate">, after: Date, timeZone: string): Slot {
  const fromDate = format(addDays(new Date(instantToLocal(after, timeZone).slice(0, 10) + "T12:00:00"), 1), "yyyy-MM-dd");
  const [slot] = planCourseSlots({ ...pattern, fromDate, count: 1 }, timeZone);
  if (!slot) throw new RangeError("pattern has no weekdays");
  return slot;
}
