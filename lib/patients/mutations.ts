import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { bodyWeights, patients } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { ConflictError } from "@/lib/errors";
import type { PatientInput } from "./schemas";
import { getPatient } from "./queries";

/** Every mutation runs inside the caller's transaction together with its audit event. */
export async function createPatient(tx: Transaction, scope: Scope, input: PatientInput): Promise<string> {
  const { weight, ...fields } = input;
  const [row] = await tx
    .insert(patients)
    .values({ ...fields, clinicId: scope.clinicId, createdBy: scope.userId, practitionerId: scope.role === "practitioner" ? scope.userId : null })
    .returning({ id: patients.id });
  if (!row) throw new Error("insert returned no row");
  if (weight) {
    await tx.insert(bodyWeights).values({ clinicId: scope.clinicId, patientId: row.id, kg: weight.kg, measuredOn: weight.measuredOn, recordedBy: scope.userId });
  }
  await writeAudit(tx, scope, { action: "create", entity: "patient", entityId: row.id, patientId: row.id });
  return row.id;
}

export async function updatePatient(tx: Transaction, scope: Scope, id: string, version: number, input: PatientInput): Promise<void> {
  const current = await getPatient(tx, scope, id);
  const { weight, ...fields } = input;
  const updated = await tx
    .update(patients)
    .set({ ...fields, updatedAt: new Date(), version: sql`${patients.version} + 1` })
    .where(and(eq(patients.id, id), eq(patients.clinicId, scope.clinicId), eq(patients.version, version)))
    .returning({ id: patients.id });
  if (updated.length === 0) throw new ConflictError();
  const weightChanged = weight && (weight.kg !== current.weight?.kg || weight.measuredOn !== current.weight?.measuredOn);
  if (weight && weightChanged) {
    await tx.insert(bodyWeights).values({ clinicId: scope.clinicId, patientId: id, kg: weight.kg, measuredOn: weight.measuredOn, recordedBy: scope.userId });
  }
  const changed = Object.keys(fields).filter((k) => fields[k as keyof typeof fields] !== current[k as keyof typeof current]);
  if (weightChanged) changed.push("weight");
  await writeAudit(tx, scope, { action: "update", entity: "patient", entityId: id, patientId: id, detail: { fields: changed } });
}

/** Archiving is the only removal: nothing clinical is destroyed by a click. */
export async function setPatientArchived(tx: Transaction, scope: Scope, id: string, archived: boolean, reason: string | null): Promise<void> {
  const rows = await tx
    .update(patients)
    .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date(), version: sql`${patients.version} + 1` })
    .where(and(eq(patients.id, id), eq(patients.clinicId, scope.clinicId), archived ? isNull(patients.archivedAt) : isNotNull(patients.archivedAt)))
    .returning({ id: patients.id });
  if (rows.length === 0) {
    await getPatient(tx, scope, id); // throws NotFoundError for a foreign or unknown id
    return; // already in the requested state
  }
  await writeAudit(tx, scope, { action: archived ? "archive" : "restore", entity: "patient", entityId: id, patientId: id, reason });
}

