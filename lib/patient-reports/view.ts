import "server-only";
import { getDb } from "@/db/runtime";
import type { Scope } from "@/lib/auth/scope-types";
import { listPatientIntakes } from "@/lib/patient-intake/queries";
import { getBaselinePsfs, listPatientReports } from "./queries";
import { listSchedules } from "./schedules";

/** The patient page's questionnaires-by-link card (the page itself audits the view of the patient). */
export async function loadPatientReportsSection(scope: Scope, patientId: string, timeZone: string) {
  const db = await getDb(scope);
  const [reports, baselinePsfs, schedules, intakes] = await Promise.all([
    listPatientReports(db, scope, patientId),
    getBaselinePsfs(db, scope, patientId),
    listSchedules(db, scope, patientId, timeZone),
    listPatientIntakes(db, scope, patientId),
  ]);
  return { reports, baselinePsfs, schedules, intakes };
}
