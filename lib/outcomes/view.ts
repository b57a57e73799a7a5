import "server-only";
import { getDb } from "@/db/runtime";
import type { Scope } from "@/lib/auth/scope-types";
import { getPatientOutcome, type PatientOutcomeView } from "./patient";

/** The patient page's progress card: the outcome model's answer for this patient. */
export async function loadPatientOutcome(scope: Scope, patientId: string): Promise<PatientOutcomeView> {
  return getPatientOutcome(await getDb(scope), scope, patientId);
}
