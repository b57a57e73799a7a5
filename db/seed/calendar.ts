import { addDays, formatISO, getISODay } from "date-fns";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../client";
import { appointments, clinicClosures, decompressionCourses, decompressionSessions, treatmentTables, workingHours } from "../schema";
import { instantToLocal, instantToLocalDate, localToInstant } from "@/lib/time-zone";
import { DEMO_CLINICS } from "./demo-accounts";
import type { DemoContext } from "./index";

/**
 * Demo calendar (issue 14): two traction tables and an assessment room per
 * clinic, Monday-Friday hours for everyone, a closed day three weeks ahead,
 * and every booked session placed on a table with a 20-minute range, so the
 * current and next week fill both tables. One clash is left for the demo to
 * show: one practitioner booked on both tables at once (the database refuses
 * a double-booked table, not a practitioner watching two).
 */

const SESSION_MIN = 20;
const STEP_MS = 30 * 60_000;

export async function seedCalendar(db: Database, ctx: DemoContext): Promise<void> {
  for (const clinic of ctx.clinics) {
    const timeZone = DEMO_CLINICS.find((c) => c.key === clinic.key)?.timeZone ?? "Europe/London";
    const [t1, t2, room] = await db
      .insert(treatmentTables)
      .values([
        { id: ctx.rng.uuid(), clinicId: clinic.id, name: "Table 1", kind: "table" },
        { id: ctx.rng.uuid(), clinicId: clinic.id, name: "Table 2", kind: "table" },
        { id: ctx.rng.uuid(), clinicId: clinic.id, name: "Assessment room", kind: "room" },
      ])
      .returning({ id: treatmentTables.id });
    const tables = [t1!.id, t2!.id];
    await db.insert(workingHours).values(clinic.users.flatMap((u) => [1, 2, 3, 4, 5].map((weekday) => ({ clinicId: clinic.id, userId: u.id, weekday, startsAt: "08:00", endsAt: "19:00" }))));
    await db.insert(clinicClosures).values({ clinicId: clinic.id, closedOn: formatISO(addDays(ctx.now, 21), { representation: "date" }), reason: "Staff training day" });

    const booked = await db
      .select({ id: decompressionSessions.id, courseId: decompressionSessions.courseId, practitionerId: decompressionSessions.practitionerId, at: decompressionSessions.scheduledAt })
      .from(decompressionSessions)
      .where(and(eq(decompressionSessions.clinicId, clinic.id), eq(decompressionSessions.status, "scheduled")))
      .orderBy(asc(decompressionSessions.scheduledAt));
    // Each course prefers one table (alternating, so both fill); a taken table or a practitioner
    // already busy moves the session to the other table, else to the next free half hour.
    const courseOrder = [...new Set(booked.map((s) => s.courseId))];
    const taken = new Map<string, number[]>(tables.map((t) => [t, []]));
    const placed: { id: string; courseId: string; practitionerId: string | null; at: Date; table: string }[] = [];
    const overlapsAt = (start: number, at: number) => Math.abs(start - at) < SESSION_MIN * 60_000;
    const isFree = (table: string, at: number) => !taken.get(table)!.some((start) => overlapsAt(start, at));
    const pick = (s: (typeof booked)[number], at: number) => {
      if (placed.some((p) => p.practitionerId === s.practitionerId && overlapsAt(p.at.getTime(), at))) return undefined;
      const preferred = tables[courseOrder.indexOf(s.courseId) % tables.length]!;
      return [preferred, ...tables.filter((t) => t !== preferred)].find((t) => isFree(t, at));
    };
    for (const s of booked) {
      let at = s.at.getTime();
      let table = pick(s, at);
      for (let tries = 0; !table && tries < 16; tries++) {
        at += STEP_MS;
        table = pick(s, at);
      }
      if (!table) continue;
      taken.get(table)!.push(at);
      placed.push({ ...s, at: new Date(at), table });
    }
    // The clash left to show: a session moved onto another's time, same practitioner, on the other table.
    const weekEnd = addDays(ctx.now, 14).getTime();
    const pair = placed.find((a) => a.at.getTime() > ctx.now.getTime() + 24 * 3600_000 && a.at.getTime() < weekEnd && placed.some((b) => b !== a && b.practitionerId === a.practitionerId && b.courseId !== a.courseId && b.at > a.at));
    if (pair) {
      const other = placed.find((b) => b !== pair && b.practitionerId === pair.practitionerId && b.courseId !== pair.courseId && b.at > pair.at)!;
      const otherTable = tables.find((t) => t !== pair.table)!;
      if (isFree(otherTable, pair.at.getTime())) {
        other.at = pair.at;
        other.table = otherTable;
      }
    }
    for (const s of placed) {
      await db
        .update(decompressionSessions)
        .set({ scheduledAt: s.at, endsAt: new Date(s.at.getTime() + SESSION_MIN * 60_000), treatmentTableId: s.table })
        .where(and(eq(decompressionSessions.id, s.id), eq(decompressionSessions.clinicId, clinic.id)));
    }
    // Each active course keeps the pattern its first booked session shows, so a cancellation extends it.
    const courseIds = [...new Set(placed.map((s) => s.courseId))];
    if (courseIds.length === 0) continue;
    const courses = await db.select({ id: decompressionCourses.id, perWeek: decompressionCourses.sessionsPerWeek, patientId: decompressionCourses.patientId, practitionerId: decompressionCourses.practitionerId }).from(decompressionCourses).where(inArray(decompressionCourses.id, courseIds));
    for (const c of courses) {
      const first = placed.find((s) => s.courseId === c.id)!;
      const weekdays = [...new Set(placed.filter((s) => s.courseId === c.id).map((s) => getISODay(new Date(instantToLocal(s.at, timeZone) + ":00"))))].sort();
      await db
        .update(decompressionCourses)
        .set({ bookingPattern: { weekdays, time: instantToLocal(first.at, timeZone).slice(11), treatmentTableId: first.table, durationMin: SESSION_MIN } })
        .where(eq(decompressionCourses.id, c.id));
    }
    // One reassessment in the room on the next working day (Monday to Friday, as the hours above),
    // at the first hour its practitioner has free from 12:30. On a Friday "tomorrow" was a Saturday,
    // outside everyone's hours: a second clash the demo did not mean to show.
    const firstCourse = courses[0]!;
    let next = addDays(ctx.now, 1);
    while (getISODay(new Date(`${instantToLocalDate(next, timeZone)}T12:00:00`)) > 5) next = addDays(next, 1);
    const day = instantToLocalDate(next, timeZone);
    const busy = placed.filter((s) => s.practitionerId === firstCourse.practitionerId);
    for (const time of ["12:30", "13:30", "14:30", "15:30", "16:30", "17:30"]) {
      const startsAt = localToInstant(`${day}T${time}`, timeZone);
      const endsAt = new Date(startsAt.getTime() + 45 * 60_000);
      if (busy.some((s) => s.at < endsAt && startsAt.getTime() < s.at.getTime() + SESSION_MIN * 60_000)) continue;
      await db.insert(appointments).values({ clinicId: clinic.id, patientId: firstCourse.patientId, practitionerId: firstCourse.practitionerId, treatmentTableId: room!.id, courseId: firstCourse.id, kind: "reassessment", startsAt, endsAt });
      break;
    }
  }
}
