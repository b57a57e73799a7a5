import { and, asc, eq, gte, isNull, lt, notInArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import {
  appointments,
  clinicClosures,
  decompressionSessions,
  patients,
  treatmentTables,
  users,
  workingHours,
  type TreatmentTable,
} from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { getClinicTimeZone } from "@/lib/clinic-settings/preferences";
import { NotFoundError, isUuid } from "@/lib/errors";
import type { Busy, DiaryContext } from "./clashes";

// A session booked without an end (before issue 14, or logged unscheduled) is read as 20 minutes [U: house default].
export const DEFAULT_SESSION_MIN = 20;

export async function listTreatmentTables(db: Queryable, scope: Scope, options: { kind?: TreatmentTable["kind"]; archived?: boolean } = {}): Promise<TreatmentTable[]> {
  return db
    .select()
    .from(treatmentTables)
    .where(
      and(
        eq(treatmentTables.clinicId, scope.clinicId),
        options.kind ? eq(treatmentTables.kind, options.kind) : undefined,
        options.archived ? undefined : isNull(treatmentTables.archivedAt),
      ),
    )
    .orderBy(asc(treatmentTables.kind), asc(treatmentTables.name));
}

export async function getTreatmentTable(db: Queryable, scope: Scope, id: string): Promise<TreatmentTable> {
  if (!isUuid(id)) throw new NotFoundError("Table or room");
  const [row] = await db.select().from(treatmentTables).where(and(eq(treatmentTables.id, id), eq(treatmentTables.clinicId, scope.clinicId)));
  if (!row) throw new NotFoundError("Table or room");
  return row;
}

export type CalendarEntry = {
  id: string;
  kind: "session" | "assessment" | "reassessment";
  startsAt: Date;
  endsAt: Date;
  status: string;
  patientId: string;
  firstName: string;
  lastName: string;
  practitionerId: string | null;
  practitionerName: string | null;
  treatmentTableId: string | null;
  courseId: string | null;
  cancelReason: string | null;
  version: number;
};

const endOf = (startsAt: Date, endsAt: Date | null, durationMin: number | null) =>
  endsAt ?? new Date(startsAt.getTime() + (durationMin ?? DEFAULT_SESSION_MIN) * 60_000);

/**
 * Every booking that starts in [from, to): decompression sessions and
 * assessment appointments, in time order. Served by the (clinic_id, scheduled_at)
 * and (clinic_id, starts_at) indexes.
 */
export async function listCalendarEntries(db: Queryable, scope: Scope, range: { from: Date; to: Date; practitionerId?: string }): Promise<CalendarEntry[]> {
  const mine = range.practitionerId && isUuid(range.practitionerId) ? range.practitionerId : undefined;
  const [sessions, visits] = await Promise.all([
    db
      .select({ s: decompressionSessions, firstName: patients.firstName, lastName: patients.lastName, practitionerName: users.name })
      .from(decompressionSessions)
      .innerJoin(patients, and(eq(patients.id, decompressionSessions.patientId), eq(patients.clinicId, decompressionSessions.clinicId)))
      .leftJoin(users, eq(users.id, decompressionSessions.practitionerId))
      .where(
        and(
          eq(decompressionSessions.clinicId, scope.clinicId),
          gte(decompressionSessions.scheduledAt, range.from),
          lt(decompressionSessions.scheduledAt, range.to),
          mine ? eq(decompressionSessions.practitionerId, mine) : undefined,
        ),
      ),
    db
      .select({ a: appointments, firstName: patients.firstName, lastName: patients.lastName, practitionerName: users.name })
      .from(appointments)
      .innerJoin(patients, and(eq(patients.id, appointments.patientId), eq(patients.clinicId, appointments.clinicId)))
      .leftJoin(users, eq(users.id, appointments.practitionerId))
      .where(and(eq(appointments.clinicId, scope.clinicId), gte(appointments.startsAt, range.from), lt(appointments.startsAt, range.to), mine ? eq(appointments.practitionerId, mine) : undefined)),
  ]);
  const entries: CalendarEntry[] = [
    ...sessions.map(({ s, ...p }) => ({
      id: s.id,
      kind: "session" as const,
      startsAt: s.scheduledAt,
      endsAt: endOf(s.scheduledAt, s.endsAt, s.durationMin),
      status: s.status,
      patientId: s.patientId,
      firstName: p.firstName,
      lastName: p.lastName,
      practitionerId: s.practitionerId,
      practitionerName: p.practitionerName,
      treatmentTableId: s.treatmentTableId,
      courseId: s.courseId,
      cancelReason: s.cancelReason,
      version: s.version,
    })),
    ...visits.map(({ a, ...p }) => ({
      id: a.id,
      kind: a.kind,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      status: a.status,
      patientId: a.patientId,
      firstName: p.firstName,
      lastName: p.lastName,
      practitionerId: a.practitionerId,
      practitionerName: p.practitionerName,
      treatmentTableId: a.treatmentTableId,
      courseId: a.courseId,
      cancelReason: a.cancelReason,
      version: a.version,
    })),
  ];
  return entries.sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime() || x.lastName.localeCompare(y.lastName));
}

/** Bookings still holding their time (not cancelled or missed). */
export const isLive = (entry: Pick<CalendarEntry, "status">) => !["cancelled", "missed", "no-show"].includes(entry.status);

/** "Jane S.": the most any shared view (the feed, a clash message) says of a patient. */
export const shortName = (first: string, last: string) => `${first} ${last.slice(0, 1)}.`.trim();

/**
 * What the clash check needs for one practitioner over [from, to): every live
 * booking of the clinic, its closed days and the practitioner's hours.
 * `ignoreSessionIds` leaves out the bookings being moved.
 */
export async function getDiaryContext(
  db: Queryable,
  scope: Scope,
  input: { practitionerId: string; from: Date; to: Date; ignoreSessionIds?: string[] },
): Promise<DiaryContext> {
  const ignore = (input.ignoreSessionIds ?? []).filter(isUuid);
  const [timeZone, entries, closed, hours, tables] = await Promise.all([
    getClinicTimeZone(db, scope),
    listCalendarEntries(db, scope, { from: new Date(input.from.getTime() - 24 * 3600_000), to: input.to }),
    db.select({ on: clinicClosures.closedOn, reason: clinicClosures.reason }).from(clinicClosures).where(eq(clinicClosures.clinicId, scope.clinicId)),
    db
      .select({ weekday: workingHours.weekday, startsAt: workingHours.startsAt, endsAt: workingHours.endsAt })
      .from(workingHours)
      .where(and(eq(workingHours.clinicId, scope.clinicId), eq(workingHours.userId, input.practitionerId))),
    listTreatmentTables(db, scope, { kind: "table" }),
  ]);
  const busy: Busy[] = entries
    .filter((e) => isLive(e) && !ignore.includes(e.id))
    .map((e) => ({
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      treatmentTableId: e.treatmentTableId,
      practitionerId: e.practitionerId,
      label: `${shortName(e.firstName, e.lastName)} (${e.kind})`,
    }));
  return { timeZone, practitionerId: input.practitionerId, busy, closedDays: new Map(closed.map((c) => [c.on, c.reason])), hours, tables: tables.map((t) => ({ id: t.id, name: t.name })) };
}

export async function listClosures(db: Queryable, scope: Scope) {
  return db.select().from(clinicClosures).where(eq(clinicClosures.clinicId, scope.clinicId)).orderBy(asc(clinicClosures.closedOn));
}

export async function listWorkingHours(db: Queryable, scope: Scope) {
  return db.select().from(workingHours).where(eq(workingHours.clinicId, scope.clinicId)).orderBy(asc(workingHours.userId), asc(workingHours.weekday), asc(workingHours.startsAt));
}

/** Active practitioners and admins of the clinic, for the calendar's columns. */
export async function listStaff(db: Queryable, scope: Scope) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.clinicId, scope.clinicId), isNull(users.deactivatedAt)))
    .orderBy(asc(users.name));
}

/** Sessions of a course still to come, for moving them as a block and for replacements. */
export async function listCourseBookings(db: Queryable, scope: Scope, courseId: string) {
  if (!isUuid(courseId)) return [];
  return db
    .select()
    .from(decompressionSessions)
    .where(and(eq(decompressionSessions.clinicId, scope.clinicId), eq(decompressionSessions.courseId, courseId), notInArray(decompressionSessions.status, ["cancelled", "missed"])))
    .orderBy(asc(decompressionSessions.scheduledAt));
}

