import "server-only";
import { getDb } from "@/db/runtime";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { Scope } from "@/lib/auth/scope-types";
import { orNotFound } from "@/lib/not-found";
import { getPatient, type PatientRecord } from "@/lib/patients/queries";

export { orNotFound };


/** The patient (scope-checked, not audited: the caller audits the view it makes) and the clinic's time zone. */
export async function loadPatientContext(scope: Scope, patientId: string): Promise<{ patient: PatientRecord; timeZone: string }> {
  const db = await getDb(scope);
  const [patient, user] = await Promise.all([orNotFound(getPatient(db, scope, patientId)), getCurrentUser(scope)]);
  return { patient, timeZone: user.timeZone };
}
