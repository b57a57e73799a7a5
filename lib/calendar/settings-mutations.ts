import { and, eq, isNull } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { clinicClosures, treatmentTables, users, workingHours } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { isUniqueViolation } from "@/lib/db-errors";
import { NotFoundError, RuleError, isUuid } from "@/lib/errors";
import type { ClosureInput, TreatmentTableInput, WorkingHoursInput } from "./schemas";

export async function addTreatmentTable(tx: Transaction, scope: Scope, input: TreatmentTableInput): Promise<string> {
  const [row] = await tx
    .insert(treatmentTables)
    .values({ clinicId: scope.clinicId, name: input.name, kind: input.kind })
    .returning({ id: treatmentTables.id })
    .catch((err: unknown) => {
      if (isUniqueViolation(err, "treatment_table_name_idx")) throw new RuleError("The clinic already has a table or room with this name", "name");
      throw err;
    });
  if (!row) throw new Error("insert returned no row");
  await writeAudit(tx, scope, { action: "create", entity: "treatment_table", entityId: row.id, detail: { kind: input.kind } });
  return row.id;
}

/** Archived tables keep their past bookings and take no new ones. */
export async function archiveTreatmentTable(tx: Transaction, scope: Scope, id: string): Promise<void> {
  const rows = await tx
    .update(treatmentTables)
    .set({ archivedAt: new Date() })
    .where(and(eq(treatmentTables.id, id), eq(treatmentTables.clinicId, scope.clinicId), isNull(treatmentTables.archivedAt)))
    .returning({ id: treatmentTables.id });
  if (rows.length === 0) throw new NotFoundError("Table or room");
  await writeAudit(tx, scope, { action: "update", entity: "treatment_table", entityId: id, detail: { archived: true } });
}

export async function addClosure(tx: Transaction, scope: Scope, input: ClosureInput): Promise<void> {
  const [row] = await tx
    .insert(clinicClosures)
    .values({ clinicId: scope.clinicId, closedOn: input.closedOn, reason: input.reason })
    .returning({ id: clinicClosures.id })
    .catch((err: unknown) => {
      if (isUniqueViolation(err, "clinic_closure_day_idx")) throw new RuleError("That day is already marked closed", "closedOn");
      throw err;
    });
  await writeAudit(tx, scope, { action: "create", entity: "clinic_closure", entityId: row?.id, detail: { closedOn: input.closedOn } });
}

/**
 * Replaces a practitioner's working hours with one span per working weekday
 * (days left out are not worked). The booking clash check reads these rows.
 */
export async function setWorkingHours(tx: Transaction, scope: Scope, input: WorkingHoursInput): Promise<void> {
  if (!isUuid(input.practitionerId)) throw new NotFoundError("Practitioner");
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, input.practitionerId), eq(users.clinicId, scope.clinicId), isNull(users.deactivatedAt)));
  if (!user) throw new NotFoundError("Practitioner");
  await tx.delete(workingHours).where(and(eq(workingHours.clinicId, scope.clinicId), eq(workingHours.userId, user.id)));
  if (input.days.length > 0) {
    await tx.insert(workingHours).values(input.days.map((d) => ({ clinicId: scope.clinicId, userId: user.id, weekday: d.weekday, startsAt: d.startsAt, endsAt: d.endsAt })));
  }
  await writeAudit(tx, scope, {
    action: "update",
    entity: "working_hours",
    entityId: user.id,
    detail: { days: input.days.map((d) => `${d.weekday} ${d.startsAt}-${d.endsAt}`) },
  });
}
