import "server-only";
import { getDb } from "@/db/runtime";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { NotFoundError } from "@/lib/errors";
import { getPatient } from "@/lib/patients/queries";
import { getProgramme } from "./queries";

/** Reading one programme is a view of patient data: audited, and only within the patient it belongs to. */
export async function viewProgramme(scope: Scope, patientId: string, programmeId: string) {
  const db = await getDb(scope);
  const patient = await getPatient(db, scope, patientId);
  const programme = await getProgramme(db, scope, programmeId);
  if (programme.patientId !== patient.id) throw new NotFoundError("Programme");
  await writeAudit(db, scope, { action: "view", entity: "programme", entityId: programme.id, patientId: patient.id });
  return { patient, programme };
}
