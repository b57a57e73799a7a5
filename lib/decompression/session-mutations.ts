import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { decompressionCourses, decompressionSessions, type DecompressionCourse } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { checkForce } from "@/lib/clinical/decompression";
import { isExclusionViolation } from "@/lib/db-errors";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { getPatient } from "@/lib/patients/queries";
import { getClinicTimeZone } from "@/lib/clinic-settings/preferences";
import { instantToLocalDate, localToInstant } from "@/lib/time-zone";
import { findUnclassified, findUncoveredBlocking, readOverriddenCodes } from "./rules";
import type { ScheduleSessionInput, SessionLogInput } from "./schemas";
import { lockActiveCourse } from "./active-course";
import { screenPatient } from "./screening";
import { refreshPatientSummary } from "@/lib/summaries/refresh";
import { replaceMissedSession } from "@/lib/calendar/session-changes";

/** The local date-time as an instant, refused if it falls before the patient was born. */
async function readSessionTime(tx: Transaction, scope: Scope, course: DecompressionCourse, local: string) {
  const timeZone = await getClinicTimeZone(tx, scope);
  const at = localToInstant(local, timeZone);
  const day = instantToLocalDate(at, timeZone);
  const patient = await getPatient(tx, scope, course.patientId);
  if (day < patient.dateOfBirth) throw new RuleError("The session cannot be before the patient's date of birth", "scheduledAt");
  if (day < course.startDate) throw new RuleError(`The course starts on ${formatDate(course.startDate)}: choose a time from then on`, "scheduledAt");
  return { at, day, patient };
}

export async function scheduleSession(tx: Transaction, scope: Scope, input: ScheduleSessionInput): Promise<string> {
  const course = await lockActiveCourse(tx, scope, input.courseId);
  const { at } = await readSessionTime(tx, scope, course, input.scheduledAt);
  const [row] = await tx
    .insert(decompressionSessions)
    .values({ clinicId: scope.clinicId, patientId: course.patientId, courseId: course.id, practitionerId: course.practitionerId, scheduledAt: at })
    .returning({ id: decompressionSessions.id });
  if (!row) throw new Error("insert returned no row");
  await writeAudit(tx, scope, { action: "create", entity: "decompression_session", entityId: row.id, patientId: course.patientId, detail: { status: "scheduled" } });
  // Summary rows follow every clinical write, in its transaction (lib/summaries).
  await refreshPatientSummary(tx, scope, course.patientId);
  return row.id;
}

export type SessionResult = { kind: "saved"; id: string; patientId: string; replacement: Date | null } | { kind: "confirm"; message: string } | { kind: "stopped"; message: string };

/**
 * Logs a scheduled session (or a new one) as completed, cancelled or missed.
 * Before a completed session the patient is screened again: a contraindication
 * recorded since the course began (one its override did not cover), or any red
 * flag, stops the course and the session is not logged. A force above the
 * region's threshold needs a confirm, which is stored with the session.
 */
export async function logSession(tx: Transaction, scope: Scope, input: SessionLogInput): Promise<SessionResult> {
  const course = await lockActiveCourse(tx, scope, input.courseId);
  const existing = input.sessionId ? await getScheduled(tx, scope, course.id, input.sessionId) : null;
  const { at, day, patient } = await readSessionTime(tx, scope, course, input.scheduledAt);
  const completed = input.status === "completed";
  // A session cannot have been given yet if its time is still ahead (a minute's grace for clock skew).
  if (completed && at.getTime() > Date.now() + 60_000) {
    throw new RuleError("A completed session cannot be in the future: check the date and time", "scheduledAt");
  }

  if (completed) {
    const screening = await screenPatient(tx, scope, patient.id, course.region);
    // An unknown code is a data question, not a clinical stop: refuse the session, keep the course
    if (findUnclassified(screening).length > 0) throw new RuleError(screening.message);
    const uncovered = findUncoveredBlocking(screening, readOverriddenCodes(course));
    if (uncovered.length > 0) {
      const reason = `Stopped by screening before a session: ${uncovered.map((f) => f.label).join(", ")}.${screening.urgentReferral ? " Refer the patient for urgent medical assessment today." : ""}`;
      await tx
        .update(decompressionCourses)
        .set({ status: "stopped", stoppedReason: reason, updatedAt: new Date(), version: sql`${decompressionCourses.version} + 1` })
        .where(and(eq(decompressionCourses.id, course.id), eq(decompressionCourses.clinicId, scope.clinicId)));
      await writeAudit(tx, scope, {
        action: "update",
        entity: "decompression_course",
        entityId: course.id,
        patientId: patient.id,
        reason,
        detail: { status: "stopped", flags: uncovered.map((f) => f.code) },
      });
      await refreshPatientSummary(tx, scope, patient.id);
      return { kind: "stopped", message: `${reason} The session was not logged.` };
    }
    if (input.bodyWeightOn !== null && input.bodyWeightOn < patient.dateOfBirth) {
      throw new RuleError("The weighing date cannot be before the patient's date of birth", "bodyWeightOn");
    }
    if (input.bodyWeightOn !== null && input.bodyWeightOn > day) throw new RuleError("The weighing date cannot be after the session", "bodyWeightOn");
  }

  let warned = false;
  if (input.maxForceKg !== null && input.bodyWeightKg !== null) {
    const force = checkForce({ region: course.region, maxForceKg: input.maxForceKg, minForceKg: input.minForceKg, bodyWeightKg: input.bodyWeightKg });
    const firstError = force.errors[0];
    if (firstError) throw new RuleError(firstError, firstError.startsWith("Minimum") ? "minForce" : "maxForce");
    const warning = force.warnings[0];
    if (warning && completed) {
      if (!input.confirmForce) return { kind: "confirm", message: `${warning}.` };
      warned = true;
    }
  }

  const values = {
    scheduledAt: at,
    status: input.status,
    position: completed ? input.position : null,
    angleDeg: completed ? input.angleDeg : null,
    bodyWeightKg: completed ? input.bodyWeightKg : null,
    bodyWeightOn: completed ? input.bodyWeightOn : null,
    maxForceKg: completed ? input.maxForceKg : null,
    minForceKg: completed ? input.minForceKg : null,
    holdSeconds: completed ? input.holdSeconds : null,
    restSeconds: completed ? input.restSeconds : null,
    cycles: completed ? input.cycles : null,
    durationMin: completed ? input.durationMin : null,
    nprsBefore: completed ? input.nprsBefore : null,
    nprsAfter: completed ? input.nprsAfter : null,
    response: completed ? input.response : null,
    adverseEvent: input.adverseEvent,
    forceWarningConfirmed: warned,
    notes: input.notes,
    loggedBy: scope.userId,
    loggedAt: new Date(),
  };

  let id: string;
  if (existing) {
    // A booked session keeps its length on the calendar when the log gives it another time.
    const endsAt = existing.endsAt ? new Date(at.getTime() + (existing.endsAt.getTime() - existing.scheduledAt.getTime())) : null;
    const rows = await tx
      .update(decompressionSessions)
      .set({ ...values, endsAt, version: sql`${decompressionSessions.version} + 1` })
      .where(
        and(
          eq(decompressionSessions.id, existing.id),
          eq(decompressionSessions.clinicId, scope.clinicId),
          eq(decompressionSessions.version, input.sessionVersion ?? existing.version),
          eq(decompressionSessions.status, "scheduled"),
        ),
      )
      .returning({ id: decompressionSessions.id })
      .catch((err: unknown) => {
        // The new time overlaps another booking on the session's table (the exclusion constraint, migration 0016).
        if (isExclusionViolation(err)) throw new RuleError("At that time the session's table holds another booking: check the time, or move the booking in the calendar first.", "scheduledAt");
        throw err;
      });
    if (rows.length === 0) throw new ConflictError("This session was logged by someone else since you opened it. Reload to see it.");
    id = existing.id;
  } else {
    const [row] = await tx
      .insert(decompressionSessions)
      .values({ ...values, clinicId: scope.clinicId, patientId: patient.id, courseId: course.id, practitionerId: scope.userId })
      .returning({ id: decompressionSessions.id });
    if (!row) throw new Error("insert returned no row");
    id = row.id;
  }
  // A cancelled or missed session extends the course unless the practitioner unticked it (the calendar's owner of that rule).
  const replacement = completed ? null : await replaceMissedSession(tx, scope, course, at, input.extend);
  await writeAudit(tx, scope, {
    action: existing ? "update" : "create",
    entity: "decompression_session",
    entityId: id,
    patientId: patient.id,
    detail: {
      status: input.status,
      forceWarningConfirmed: warned,
      ...(input.adverseEvent ? { adverseEvent: true } : {}),
      ...(completed ? {} : { extended: replacement !== null }),
    },
  });
  await refreshPatientSummary(tx, scope, patient.id);
  return { kind: "saved", id, patientId: patient.id, replacement: replacement?.startsAt ?? null };
}

async function getScheduled(tx: Transaction, scope: Scope, courseId: string, sessionId: string) {
  const [row] = await tx
    .select({ id: decompressionSessions.id, status: decompressionSessions.status, version: decompressionSessions.version, scheduledAt: decompressionSessions.scheduledAt, endsAt: decompressionSessions.endsAt })
    .from(decompressionSessions)
    .where(and(eq(decompressionSessions.id, sessionId), eq(decompressionSessions.courseId, courseId), eq(decompressionSessions.clinicId, scope.clinicId)));
  if (!row) throw new NotFoundError("Session");
  if (row.status !== "scheduled") throw new RuleError("This session is already logged; its record is kept as it was.");
  return row;
}
