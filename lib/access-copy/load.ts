import type { Queryable } from "@/db/client";
import { getWeeklyAdherence, type WeeklyAdherence } from "@/lib/adherence/queries";
import type { Scope } from "@/lib/auth/scope-types";
import { getClinicIdentity } from "@/lib/clinic-settings/identity";
import { loadFhirExportInput } from "@/lib/fhir/load";
import type { FhirExportInput } from "@/lib/fhir/types";
import type { PatientOutcome } from "@/lib/outcomes/model";
import { getPatientOutcome } from "@/lib/outcomes/patient";

/** The whole record of one patient, as the existing read models give it: what the copy's three parts are built from. */
export type AccessCopyInput = {
  /** The FHIR export's input: patient, signed assessments with their content, programmes, courses with sessions, flags. */
  record: FhirExportInput;
  timeZone: string;
  /** The one outcome model's verdicts (lib/outcomes): printed, never recomputed. */
  outcome: PatientOutcome;
  adherence: WeeklyAdherence[];
};

/** Another clinic's or an unknown id throws NotFoundError (getPatient, inside loadFhirExportInput). */
export async function loadAccessCopyInput(db: Queryable, scope: Scope, patientId: string, options: { baseUrl: string; now?: Date }): Promise<AccessCopyInput> {
  const record = await loadFhirExportInput(db, scope, patientId, options);
  const [clinic, { outcome }, adherence] = await Promise.all([
    getClinicIdentity(db, scope),
    getPatientOutcome(db, scope, record.patient.id),
    getWeeklyAdherence(db, scope, record.patient.id),
  ]);
  return { record, timeZone: clinic.timeZone, outcome, adherence };
}
