import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import type { Scope } from "@/lib/auth/scope-types";
import type { ClinicContext } from "./clinic-context";
import { queryRows } from "@/db/query-rows";
import type { CardList } from "./attention";
import { summaryCaseload } from "./caseload-facts";
import type { DashboardView } from "./view";

export type LowAdherenceRow = { patientId: string; name: string; done: number; prescribed: number; percent: number };

/**
 * Patients whose home-programme adherence last week (Monday to Sunday, clinic time; summed
 * over their programmes) was below the threshold in caseload-rules.ts, lowest first, at most
 * `limit`, and how many in all. Read from the summary rows: each keeps its three latest weeks,
 * judged at the write (lib/summaries/verdicts.ts), and the latest low one, which the index
 * ranges over; which week is "last week" is decided here, from today. Weeks are matched by
 * their ISO week, so a week recorded from another weekday still counts once.
 */
export async function listLowAdherence(db: Queryable, scope: Scope, view: DashboardView, ctx: ClinicContext, limit: number): Promise<CardList<LowAdherenceRow>> {
  const rows = await queryRows<{ id: string; first_name: string; last_name: string; done: number; prescribed: number; percent: number; total: number }>(
    db,
    sql`with low as (
          select s.patient_id, w.done, w.prescribed, w.percent,
            row_number() over (order by w.percent, s.patient_id) as n, (count(*) over ())::int as total
          from patient_summary s
          cross join lateral jsonb_to_recordset(s.adherence) as w(week date, done int, prescribed int, percent float8, low boolean)
          where ${summaryCaseload(scope, view)} and s.low_adherence_week >= ${ctx.lastMonday} and w.week = ${ctx.lastMonday}::date and w.low
          order by w.percent, s.patient_id
          limit ${limit}
        )
        select p.id, p.first_name, p.last_name, l.done, l.prescribed, l.percent, l.total
        from low l join patient p on p.id = l.patient_id and p.clinic_id = ${scope.clinicId}
        order by l.n`,
  );
  const listed = rows.map((r) => ({ patientId: r.id, name: `${r.first_name} ${r.last_name}`, done: r.done, prescribed: r.prescribed, percent: r.percent }));
  return { rows: listed.sort((a, b) => a.percent - b.percent || a.name.localeCompare(b.name)), total: rows[0]?.total ?? 0 };
}
