import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { patientFlags } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { NotFoundError, RuleError } from "@/lib/errors";
import { getPatient } from "@/lib/patients/queries";
import type { RecordFlagInput } from "./schemas";

/** Records a red flag, contraindication or precaution on a patient, dated and by whom. */
export async function recordFlag(tx: Transaction, scope: Scope, input: RecordFlagInput): Promise<string> {
  await getPatient(tx, scope, input.patientId);
  const [existing] = await tx
    .select({ id: patientFlags.id })
    .from(patientFlags)
    .where(and(eq(patientFlags.clinicId, scope.clinicId), eq(patientFlags.patientId, input.patientId), eq(patientFlags.code, input.code), eq(patientFlags.status, "active")));
  if (existing) throw new RuleError("This is already recorded as active for the patient", "code");
  const [row] = await tx
    .insert(patientFlags)
    .values({ clinicId: scope.clinicId, patientId: input.patientId, code: input.code, notedOn: input.notedOn, source: input.source, note: input.note, recordedBy: scope.userId })
    .returning({ id: patientFlags.id });
  if (!row) throw new Error("insert returned no row");
  await writeAudit(tx, scope, { action: "create", entity: "patient_flag", entityId: row.id, patientId: input.patientId, detail: { code: input.code } });
  return row.id;
}

/** Marks a flag resolved; the row stays, so what was known when remains readable. */
export async function resolveFlag(tx: Transaction, scope: Scope, patientId: string, flagId: string): Promise<void> {
  const rows = await tx
    .update(patientFlags)
    .set({ status: "resolved", resolvedAt: new Date(), resolvedBy: scope.userId })
    .where(and(eq(patientFlags.id, flagId), eq(patientFlags.clinicId, scope.clinicId), eq(patientFlags.patientId, patientId), eq(patientFlags.status, "active")))
    .returning({ id: patientFlags.id, code: patientFlags.code });
  const [row] = rows;
  if (!row) {
    const [known] = await tx
      .select({ id: patientFlags.id })
      .from(patientFlags)
      .where(and(eq(patientFlags.id, flagId), eq(patientFlags.clinicId, scope.clinicId), eq(patientFlags.patientId, patientId)));
    if (!known) throw new NotFoundError("Flag");
    return; // already resolved
  }
  await writeAudit(tx, scope, { action: "update", entity: "patient_flag", entityId: flagId, patientId, detail: { code: row.code, status: "resolved" } });
}
