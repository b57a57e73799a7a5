import "server-only";
import { getDb } from "@/db/runtime";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { getPatient, type PatientRecord } from "./queries";

/**
 * Reading a patient's record for display is itself audited (ASTM E2147:
 * views as well as changes). Throws NotFoundError for another clinic's id.
 */
export async function viewPatient(scope: Scope, id: string, what = "patient"): Promise<PatientRecord> {
  const db = await getDb(scope);
  const patient = await getPatient(db, scope, id);
  await writeAudit(db, scope, { action: "view", entity: what, entityId: id, patientId: id });
  return patient;
}
