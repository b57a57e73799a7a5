import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import type { Scope } from "@/lib/auth/scope-types";
import { computeAdherencePercent, isLowAdherence } from "@/lib/clinical/caseload-rules";
import type { ClinicContext } from "./clinic-context";
import { queryRows } from "@/db/query-rows";
import { caseloadCondition, type DashboardView } from "./view";

export type LowAdherenceRow = { patientId: string; name: string; done: number; prescribed: number; percent: number };

/**
 * Patients whose home-programme adherence last week (Monday to Sunday,
 * clinic time; summed over their programmes) was below the threshold in
 * caseload-rules.ts. Weeks are matched by start date within last week, so a
 * week recorded from another weekday still counts once.
 */
export async function listLowAdherence(db: Queryable, scope: Scope, view: DashboardView, ctx: ClinicContext): Promise<LowAdherenceRow[]> {
  const rows = await queryRows<{ id: string; first_name: string; last_name: string; done: number; prescribed: number }>(
    db,
    sql`select p.id, p.first_name, p.last_name, sum(e.sessions_done)::int as done, sum(e.sessions_prescribed)::int as prescribed
        from adherence_entry e
        join patient p on p.id = e.patient_id
        where e.clinic_id = ${scope.clinicId} and ${caseloadCondition(scope, view)} and p.archived_at is null
          and e.week_start >= ${ctx.lastMonday} and e.week_start < ${ctx.thisMonday}
        group by p.id, p.first_name, p.last_name`,
  );
  return rows
    .map((r) => ({ patientId: r.id, name: `${r.first_name} ${r.last_name}`, done: r.done, prescribed: r.prescribed, percent: computeAdherencePercent(r.done, r.prescribed) }))
    .filter((r): r is LowAdherenceRow => isLowAdherence(r.percent))
    .sort((a, b) => a.percent - b.percent || a.name.localeCompare(b.name));
}
