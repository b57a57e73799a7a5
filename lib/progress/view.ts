import "server-only";
import { getDb } from "@/db/runtime";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { getPatient, type PatientRecord } from "@/lib/patients/queries";
import { loadProgress } from "./load";
import type { ProgressRange } from "./range";
import type { ProgressData } from "./types";

/**
 * A patient's progress charts for display, audited as one view of the
 * patient's record (ASTM E2147: views as well as changes). The audit insert
 * runs beside the chart queries rather than before them, so it adds a round
 * trip's worth of work, not its latency. Throws NotFoundError for another
 * clinic's id, before anything is read or written.
 */
export async function viewProgress(scope: Scope, id: string, range: ProgressRange): Promise<{ patient: PatientRecord; progress: ProgressData }> {
  const db = await getDb(scope);
  const patient = await getPatient(db, scope, id);
  const [progress] = await Promise.all([
    loadProgress(db, scope, patient, range),
    writeAudit(db, scope, { action: "view", entity: "progress", entityId: id, patientId: id, detail: { range } }),
  ]);
  return { patient, progress };
}
