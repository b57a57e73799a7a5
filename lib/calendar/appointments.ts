import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { appointments, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { getClinicTimeZone } from "@/lib/clinic-settings/preferences";
import { isExclusionViolation } from "@/lib/db-errors";
import { getCourse } from "@/lib/decompression/queries";
import { ConflictError, NotFoundError, RuleError, isUuid } from "@/lib/errors";
import { getPatient } from "@/lib/patients/queries";
import { localToInstant } from "@/lib/time-zone";
import { findClashes } from "./clashes";
import { getDiaryContext, getTreatmentTable } from "./queries";
import type { AppointmentInput, AppointmentStatusInput } from "./schemas";

const ROOM_TAKEN = "The room or the practitioner was booked by someone else a moment ago: nothing was saved.";

/** Books an assessment or a course's reassessment, checked against the same diary as sessions. */
export async function bookAppointment(tx: Transaction, scope: Scope, input: AppointmentInput, now = new Date()): Promise<{ id: string; patientId: string }> {
  const patient = await getPatient(tx, scope, input.patientId);
  if (patient.archivedAt) throw new RuleError("This patient is archived: restore them before booking.");
  const [practitioner] = await tx
    .select({ id: users.id, active: sql<boolean>`${users.deactivatedAt} is null` })
    .from(users)
    .where(and(eq(users.id, input.practitionerId), eq(users.clinicId, scope.clinicId)));
  if (!practitioner) throw new NotFoundError("Practitioner");
  if (!practitioner.active) throw new RuleError("This practitioner's account is deactivated", "practitionerId");
  if (input.courseId) {
    const course = await getCourse(tx, scope, input.courseId);
    if (course.patientId !== patient.id) throw new NotFoundError("Course");
  }
  if (input.treatmentTableId) {
    const room = await getTreatmentTable(tx, scope, input.treatmentTableId);
    if (room.archivedAt) throw new RuleError("This room is no longer in use", "treatmentTableId");
  }
  const startsAt = localToInstant(input.startsAt, await getClinicTimeZone(tx, scope));
  const endsAt = new Date(startsAt.getTime() + input.durationMin * 60_000);
  const diary = await getDiaryContext(tx, scope, { practitionerId: practitioner.id, from: startsAt, to: endsAt });
  // A room-less appointment has no place to clash over; the practitioner still does.
  const clashes = findClashes({ startsAt, endsAt, treatmentTableId: input.treatmentTableId ?? "" }, { ...diary, notBefore: now });
  if (clashes.length > 0) throw new RuleError(`${clashes.map((c) => c.message).join(". ")}. Nothing was saved.`, "startsAt");
  const [row] = await tx
    .insert(appointments)
    .values({
      clinicId: scope.clinicId,
      patientId: patient.id,
      practitionerId: practitioner.id,
      treatmentTableId: input.treatmentTableId,
      courseId: input.courseId,
      kind: input.kind,
      startsAt,
      endsAt,
    })
    .returning({ id: appointments.id })
    .catch((err: unknown) => {
      if (isExclusionViolation(err)) throw new RuleError(ROOM_TAKEN, "startsAt");
      throw err;
    });
  if (!row) throw new Error("insert returned no row");
  await writeAudit(tx, scope, { action: "create", entity: "appointment", entityId: row.id, patientId: patient.id, detail: { kind: input.kind } });
  return { id: row.id, patientId: patient.id };
}

export async function setAppointmentStatus(tx: Transaction, scope: Scope, input: AppointmentStatusInput): Promise<{ patientId: string }> {
  if (!isUuid(input.appointmentId)) throw new NotFoundError("Appointment");
  const [row] = await tx
    .select({ patientId: appointments.patientId, status: appointments.status })
    .from(appointments)
    .where(and(eq(appointments.id, input.appointmentId), eq(appointments.clinicId, scope.clinicId)));
  if (!row) throw new NotFoundError("Appointment");
  if (row.status !== "booked") throw new RuleError("This appointment is already closed.");
  const updated = await tx
    .update(appointments)
    .set({ status: input.status, cancelReason: input.reason, version: sql`${appointments.version} + 1` })
    .where(and(eq(appointments.id, input.appointmentId), eq(appointments.clinicId, scope.clinicId), eq(appointments.version, input.version)))
    .returning({ id: appointments.id });
  if (updated.length === 0) throw new ConflictError();
  await writeAudit(tx, scope, { action: "update", entity: "appointment", entityId: input.appointmentId, patientId: row.patientId, reason: input.reason, detail: { status: input.status } });
  return { patientId: row.patientId };
}
