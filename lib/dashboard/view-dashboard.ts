import "server-only";
import { getDb } from "@/db/runtime";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import type { OutcomePeriod } from "@/lib/dashboard/outcome-periods";
import { loadDashboard, type DashboardData } from "./load";
import type { DashboardCardId, DashboardView } from "./view";

function countPatients(data: DashboardData): number {
  const ids = new Set<string>();
  for (const list of [data.notImproving, data.due, data.lowAdherence, data.drafts]) for (const row of list.rows) ids.add(row.patientId);
  for (const list of [data.sessions.today.rows, data.sessions.week.rows]) for (const row of list) ids.add(row.patient_id);
  return ids.size;
}

/**
 * The dashboard for display. It shows clinical facts about many patients at
 * once, so the view is audited as one event naming the view and how many
 * patients it listed (record-level logging, not one row per name).
 */
export async function viewDashboard(scope: Scope, view: DashboardView, period: OutcomePeriod, shown: DashboardCardId | null = null): Promise<DashboardData> {
  const db = await getDb(scope);
  const data = await loadDashboard(db, scope, { view, period, shown });
  await writeAudit(db, scope, { action: "view", entity: "caseload-dashboard", detail: { view, period, patientsListed: countPatients(data) } });
  return data;
}
