import "server-only";
import { getDb } from "@/db/runtime";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { getClinicTimeZone } from "@/lib/clinic-settings/preferences";
import { listCourseProgress } from "@/lib/decompression/queries";
import { todayIn } from "@/lib/format";
import { isUuid } from "@/lib/errors";
import { instantToLocalDate } from "@/lib/time-zone";
import { findDiaryClashes } from "./clashes";
import { isLive, listCalendarEntries, listClosures, listStaff, listTreatmentTables, listWorkingHours, shortName, type CalendarEntry } from "./queries";
import { getShownRange, listShownDays, readCalendarParams } from "./range";

type Closure = Awaited<ReturnType<typeof listClosures>>[number];
type WorkingHours = Awaited<ReturnType<typeof listWorkingHours>>[number];

/**
 * The clashes the calendar marks among these bookings, by booking id: among
 * the live ones (not cancelled or missed), against each other, closed days and
 * working hours; only bookings still to be seen are marked, since a logged
 * session is history, clash or not.
 */
export function findMarkedClashes(entries: readonly CalendarEntry[], context: { timeZone: string; closures: readonly Closure[]; hours: readonly WorkingHours[] }) {
  const live = entries.filter(isLive).map((e) => ({ ...e, label: `${shortName(e.firstName, e.lastName)} (${e.kind})` }));
  const clashes = findDiaryClashes(live, {
    timeZone: context.timeZone,
    closedDays: new Map(context.closures.map((c) => [c.closedOn, c.reason])),
    hoursOf: (id) => context.hours.filter((h) => h.userId === id),
  });
  for (const e of live) if (e.status !== "scheduled" && e.status !== "booked") clashes.delete(e.id);
  return clashes;
}

export type CalendarColumn = { id: string; title: string; day: string; entries: CalendarEntry[] };

/**
 * Everything the calendar page shows, read once: the bookings of the shown
 * days, grouped into columns (practitioners or tables for a day; the days of
 * one practitioner's or table's week), and the courses whose reassessment is due.
 * Listing patients' names is a view of patient data: audited.
 */
export async function loadCalendar(scope: Scope, searchParams: Record<string, string | string[] | undefined>) {
  const db = await getDb(scope);
  const timeZone = await getClinicTimeZone(db, scope);
  const today = todayIn(timeZone);
  const params = readCalendarParams(searchParams, today);
  const days = listShownDays(params);
  const range = getShownRange(days, timeZone);
  const [entries, tables, staff, closures, hours] = await Promise.all([
    listCalendarEntries(db, scope, range),
    listTreatmentTables(db, scope),
    listStaff(db, scope),
    listClosures(db, scope),
    listWorkingHours(db, scope),
  ]);
  const clashes = findMarkedClashes(entries, { timeZone, closures, hours });
  const courseIds = [...new Set(entries.map((e) => e.courseId).filter((id): id is string => id !== null))];
  const progress = await listCourseProgress(db, scope, courseIds);
  // A reassessment already booked for the course answers its prompt.
  const booked = new Set(entries.filter((e) => e.kind === "reassessment" && e.status === "booked").map((e) => e.courseId));
  const reassessmentDue = new Map([...progress].filter(([id, p]) => p.reassessmentDue.length > 0 && !booked.has(id)).map(([id, p]) => [id, p.reassessmentDue]));

  const dayOf = (e: CalendarEntry) => instantToLocalDate(e.startsAt, timeZone);
  let columns: CalendarColumn[];
  let who = params.who;
  if (params.view === "day") {
    const groups = params.by === "table" ? tables.map((t) => ({ id: t.id, title: t.name })) : staff.map((s) => ({ id: s.id, title: s.name }));
    const keyOf = (e: CalendarEntry) => (params.by === "table" ? e.treatmentTableId : e.practitionerId);
    columns = groups.map((g) => ({ ...g, day: params.date, entries: entries.filter((e) => keyOf(e) === g.id) }));
    const loose = entries.filter((e) => !groups.some((g) => g.id === keyOf(e)));
    if (loose.length) columns.push({ id: "none", title: params.by === "table" ? "No table" : "No practitioner", day: params.date, entries: loose });
  } else {
    const pool = params.by === "table" ? tables : staff;
    if (!who || !isUuid(who) || !pool.some((p) => p.id === who)) who = params.by === "practitioner" && pool.some((p) => p.id === scope.userId) ? scope.userId : (pool[0]?.id ?? null);
    const mine = entries.filter((e) => (params.by === "table" ? e.treatmentTableId : e.practitionerId) === who);
    columns = days.map((d) => ({ id: d, title: d, day: d, entries: mine.filter((e) => dayOf(e) === d) }));
  }
  await writeAudit(db, scope, { action: "view", entity: "calendar", detail: { date: params.date, view: params.view, by: params.by, bookingsListed: entries.length, clashes: clashes.size } });
  return { params: { ...params, who }, today, timeZone, days, columns, tables, staff, entries, reassessmentDue, clashes };
}

export type CalendarData = Awaited<ReturnType<typeof loadCalendar>>;
