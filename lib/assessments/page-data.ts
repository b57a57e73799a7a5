import "server-only";
import { getDb } from "@/db/runtime";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { Scope } from "@/lib/auth/scope-types";
import { getClinicClinicalSettings } from "@/lib/clinic-settings/queries";
import type { SuggestOptions } from "@/lib/clinical/pattern-suggest";
import { orNotFound } from "@/lib/not-found";
import { getPatient, type PatientRecord } from "@/lib/patients/queries";

export { orNotFound };

/** The patient (scope-checked, not audited: the caller audits the view it makes) and the clinic's time zone. */
export async function loadPatientContext(scope: Scope, patientId: string): Promise<{ patient: PatientRecord; timeZone: string }> {
  const db = await getDb(scope);
  const [patient, user] = await Promise.all([orNotFound(getPatient(db, scope, patientId)), getCurrentUser(scope)]);
  return { patient, timeZone: user.timeZone };
}

/** The clinic's settings the pattern rules read, for the server's suggestions and the form's live ones alike. */
export async function loadSuggestOptions(scope: Scope): Promise<SuggestOptions> {
  const { coreRatioFraction } = await getClinicClinicalSettings(await getDb(scope), scope);
  return { coreRatioFraction };
}
