import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { decompressionSessions, type BookingPattern } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { getClinicTimeZone } from "@/lib/clinic-settings/preferences";
import type { Scope } from "@/lib/auth/scope-types";
import { isExclusionViolation } from "@/lib/db-errors";
import { ConflictError, NotFoundError, RuleError, isUuid } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { localToInstant } from "@/lib/time-zone";
import { findClashes, proposeAlternative } from "./clashes";
import { insertBookedSessions, TABLE_TAKEN } from "./course-booking";
import { lockActiveCourse } from "@/lib/decompression/active-course";
import { DEFAULT_SESSION_MIN, getDiaryContext, getTreatmentTable, listCourseBookings } from "./queries";
import type { CancelSessionInput, MoveSessionInput } from "./schemas";
import { nextPatternSlot, type Slot } from "./slots";
import { refreshPatientSummary } from "@/lib/summaries/refresh";

const DAY_MS = 24 * 3600_000;

async function getScheduledSession(tx: Transaction, scope: Scope, sessionId: string, version: number) {
  if (!isUuid(sessionId)) throw new NotFoundError("Session");
  const [row] = await tx
    .select()
    .from(decompressionSessions)
    .where(and(eq(decompressionSessions.id, sessionId), eq(decompressionSessions.clinicId, scope.clinicId)))
    .for("update");
  if (!row) throw new NotFoundError("Session");
  if (row.status !== "scheduled") throw new RuleError("This session is already logged; its record is kept as it was.");
  if (row.version !== version) throw new ConflictError("This session was changed by someone else since you opened it. Reload to see it.");
  return row;
}

/** Moves a booked session to another time or table, checked like a new booking. */
export async function moveSession(tx: Transaction, scope: Scope, input: MoveSessionInput): Promise<{ patientId: string; courseId: string }> {
  const session = await getScheduledSession(tx, scope, input.sessionId, input.version);
  const course = await lockActiveCourse(tx, scope, session.courseId);
  const table = await getTreatmentTable(tx, scope, input.treatmentTableId);
  if (table.kind !== "table" || table.archivedAt) throw new RuleError("Choose one of the clinic's treatment tables", "treatmentTableId");
  const minutes = session.endsAt ? (session.endsAt.getTime() - session.scheduledAt.getTime()) / 60_000 : (course.bookingPattern?.durationMin ?? DEFAULT_SESSION_MIN);
  const startsAt = localToInstant(input.scheduledAt, await getClinicTimeZone(tx, scope));
  const slot: Slot = { startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000), treatmentTableId: table.id };
  const diary = await getDiaryContext(tx, scope, { practitionerId: course.practitionerId, from: startsAt, to: new Date(startsAt.getTime() + 15 * DAY_MS), ignoreSessionIds: [session.id] });
  const here = { ...diary, notBefore: new Date() };
  const clashes = findClashes(slot, here);
  if (clashes.length > 0) {
    const alt = proposeAlternative(slot, here);
    const tableName = (id: string) => diary.tables.find((t) => t.id === id)?.name ?? "another table";
    const hint = alt ? ` Free nearby: ${formatDateTime(alt.startsAt, diary.timeZone)} on ${tableName(alt.treatmentTableId)}.` : "";
    throw new RuleError(`${clashes.map((c) => c.message).join(". ")}.${hint} Nothing was changed.`, "scheduledAt");
  }
  const rows = await tx
    .update(decompressionSessions)
    .set({ scheduledAt: slot.startsAt, endsAt: slot.endsAt, treatmentTableId: slot.treatmentTableId, version: sql`${decompressionSessions.version} + 1` })
    .where(and(eq(decompressionSessions.id, session.id), eq(decompressionSessions.clinicId, scope.clinicId), eq(decompressionSessions.version, session.version)))
    .returning({ id: decompressionSessions.id })
    .catch((err: unknown) => {
      if (isExclusionViolation(err)) throw new RuleError(TABLE_TAKEN, "treatmentTableId");
      throw err;
    });
  if (rows.length === 0) throw new ConflictError();
  await writeAudit(tx, scope, {
    action: "update",
    entity: "decompression_session",
    entityId: session.id,
    patientId: session.patientId,
    detail: { moved: true, from: session.scheduledAt.toISOString(), to: slot.startsAt.toISOString() },
  });
  await refreshPatientSummary(tx, scope, session.patientId);
  return { patientId: session.patientId, courseId: session.courseId };
}

export type CancelResult = { patientId: string; courseId: string; replacement: Date | null; message: string };

/**
 * Cancels a booked session (with a reason) or marks it a no-show ("missed").
 * Unless told otherwise the course is extended: a replacement session goes on
 * the course's booking pattern after its last live session (or the nearest free
 * slot to that). A course booked before patterns existed is not extended.
 */
export async function cancelSession(tx: Transaction, scope: Scope, input: CancelSessionInput): Promise<CancelResult> {
  const session = await getScheduledSession(tx, scope, input.sessionId, input.version);
  const course = await lockActiveCourse(tx, scope, session.courseId);
  const rows = await tx
    .update(decompressionSessions)
    .set({ status: input.outcome, cancelReason: input.reason, loggedBy: scope.userId, loggedAt: new Date(), version: sql`${decompressionSessions.version} + 1` })
    .where(and(eq(decompressionSessions.id, session.id), eq(decompressionSessions.clinicId, scope.clinicId), eq(decompressionSessions.version, session.version)))
    .returning({ id: decompressionSessions.id });
  if (rows.length === 0) throw new ConflictError();

  const replacement = await replaceMissedSession(tx, scope, course, session.scheduledAt, input.extend);
  await writeAudit(tx, scope, {
    action: "update",
    entity: "decompression_session",
    entityId: session.id,
    patientId: session.patientId,
    reason: input.reason,
    detail: { status: input.outcome, extended: replacement !== null },
  });
  const what = input.outcome === "missed" ? "Marked as a no-show" : "Session cancelled";
  const message = replacement
    ? `${what}; the course is extended by a session on ${formatDateTime(replacement.startsAt, await getClinicTimeZone(tx, scope))}.`
    : `${what}; the course is not extended.`;
  await refreshPatientSummary(tx, scope, session.patientId);
  return { patientId: session.patientId, courseId: session.courseId, replacement: replacement?.startsAt ?? null, message };
}

/**
 * The one owner of "a missed or cancelled session books a replacement unless
 * the practitioner says otherwise" (the calendar's cancel and the session log
 * both call it). `extend` false is the practitioner's opt-out. Returns the
 * replacement's slot, or null when none was booked (opted out, or a course
 * booked before patterns existed).
 */
export async function replaceMissedSession(
  tx: Transaction,
  scope: Scope,
  course: { id: string; patientId: string; practitionerId: string; bookingPattern: BookingPattern | null },
  cancelledAt: Date,
  extend: boolean,
): Promise<Slot | null> {
  if (!extend) return null;
  const pattern = course.bookingPattern;
  if (!pattern) return null;
  const live = await listCourseBookings(tx, scope, course.id);
  const lastAt = live.reduce((max, s) => (s.scheduledAt > max ? s.scheduledAt : max), cancelledAt);
  const from = new Date(lastAt.getTime());
  const diary = { ...(await getDiaryContext(tx, scope, { practitionerId: course.practitionerId, from, to: new Date(from.getTime() + 30 * DAY_MS) })), notBefore: new Date() };
  const slot = nextPatternSlot(pattern, lastAt, diary.timeZone);
  const chosen = findClashes(slot, diary).length === 0 ? slot : proposeAlternative(slot, diary);
  if (!chosen) throw new RuleError("No free slot for a replacement session within two weeks of the course's end: untick “extend the course” and book one by hand.", "extend");
  await insertBookedSessions(tx, scope, course, [chosen]);
  return chosen;
}
