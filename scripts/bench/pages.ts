import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { clinics, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { loadDashboard } from "@/lib/dashboard/load";
import { DEFAULT_OUTCOME_PERIOD } from "@/lib/dashboard/outcome-periods";
import { getPatient, listPatients } from "@/lib/patients/queries";
import { loadProgress } from "@/lib/progress/load";
import { readSessionAccount } from "@/lib/auth/sessions";
import { DEFAULT_PROGRESS_RANGE } from "@/lib/progress/range";

/** The search the patient-list benchmark types: the start of a common surname. */
export const PATIENT_SEARCH = "tho";

/**
 * The signed-in shell's own queries on every page: the account re-read by
 * requireScope (lib/auth/scope.ts) and the name and clinic for the header
 * (lib/auth/current-user.ts), written the same way.
 */
async function runShell(db: Database, scope: Scope) {
  await readSessionAccount(db, scope.sessionId ?? "00000000-0000-0000-0000-000000000000");
  await db
    .select({ name: users.name, email: users.email, role: users.role, clinicName: clinics.name, timeZone: clinics.timeZone })
    .from(users)
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .where(eq(users.id, scope.userId));
}

export type PageQueries = (db: Database, scope: Scope) => Promise<unknown>;

/** What each benchmarked page asks of the database, through the same functions the pages call. */
export const PAGE_QUERIES = {
  dashboard: async (db: Database, scope: Scope) => {
    await runShell(db, scope);
    const data = await loadDashboard(db, scope, { view: "mine", period: DEFAULT_OUTCOME_PERIOD });
    await writeAudit(db, scope, { action: "view", entity: "caseload-dashboard", detail: { view: "mine", bench: true } });
    return data;
  },
  clinicDashboard: async (db: Database, scope: Scope) => {
    await runShell(db, scope);
    await loadDashboard(db, scope, { view: "clinic", period: DEFAULT_OUTCOME_PERIOD });
    await writeAudit(db, scope, { action: "view", entity: "caseload-dashboard", detail: { view: "clinic", bench: true } });
  },
  patients: async (db: Database, scope: Scope) => {
    await runShell(db, scope);
    await listPatients(db, scope, { q: PATIENT_SEARCH, status: "active", after: null, before: null, last: false });
  },
  progress: (patientId: string, withAudit = true) => async (db: Database, scope: Scope) => {
    await runShell(db, scope);
    const patient = await getPatient(db, scope, patientId);
    await Promise.all([
      loadProgress(db, scope, patient, DEFAULT_PROGRESS_RANGE),
      withAudit ? writeAudit(db, scope, { action: "view", entity: "progress", entityId: patientId, patientId, detail: { range: DEFAULT_PROGRESS_RANGE, bench: true } }) : null,
    ]);
  },
};
