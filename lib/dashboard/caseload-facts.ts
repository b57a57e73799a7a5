import { subWeeks } from "date-fns";
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import type { Scope } from "@/lib/auth/scope-types";
import { ASSESSMENT_OVERDUE_WEEKS } from "@/lib/clinical/caseload-rules";
import type { SummaryFacts } from "@/lib/summaries/compute";
import { queryRows } from "@/db/query-rows";
import type { DashboardView } from "./view";

/**
 * [U] house rule: a patient is "in active care" when not archived and on an
 * active programme, on an active decompression course, or assessed (signed)
 * within twice the reassessment interval. Long-discharged patients who were
 * never archived would otherwise fill every list.
 */
export const RECENTLY_ASSESSED_WEEKS = ASSESSMENT_OVERDUE_WEEKS * 2;

/** What the dashboard's rules need to know about one listed patient: the summary row's facts. */
export type CaseloadFact = SummaryFacts & { id: string; first_name: string; last_name: string };

/** A card's first rows and how many there are in all. */
export type ListedFacts = { facts: CaseloadFact[]; total: number };

/** Condition on summary alias `s`: the clinic, the caseload unless the whole clinic was asked for, not archived. */
export function summaryCaseload(scope: Scope, view: DashboardView): SQL {
  const mine = view === "mine" ? sql` and s.practitioner_id = ${scope.userId}` : sql``;
  return sql`s.clinic_id = ${scope.clinicId}${mine} and not s.archived`;
}

/** In active care on `now`, on summary alias `s`. */
export function inActiveCare(now: Date): SQL {
  const recent = subWeeks(now, RECENTLY_ASSESSED_WEEKS).toISOString();
  return sql`(s.active_programme or s.course_status = 'active' or s.last_assessed_at >= ${recent})`;
}

/**
 * The first `limit` summary rows matching `where` in `order` (both on alias `s`), with the
 * count of all of them, and those rows' facts. The match, the count and the order are read from
 * the card's partial index on patient_summary (db/schema/summaries.ts); only the rows shown are
 * joined to their patient, and carry their history when `opts.history` asks for it.
 */
export async function fetchListedFacts(db: Queryable, scope: Scope, where: SQL, order: SQL, limit: number, opts: { history: boolean }): Promise<ListedFacts> {
  // A long history costs more to read (detoast, parse) than everything else a row carries: only the cards that judge it ask for it.
  const history = opts.history ? sql`s.history` : sql`'[]'::jsonb as history`;
  const rows = await queryRows<CaseloadFact & { total: number }>(
    db,
    sql`with listed as (
          select s.patient_id, row_number() over (order by ${order}) as n, (count(*) over ())::int as total
          from patient_summary s
          where ${where}
          order by ${order}
          limit ${limit}
        )
        select l.total, p.id, p.first_name, p.last_name,
          (date_part('epoch', s.first_assessed_at) * 1000)::float8 as first_assessed,
          (date_part('epoch', s.last_assessed_at) * 1000)::float8 as last_assessed,
          s.review_date::text as review_date,
          (date_part('epoch', s.review_due_at) * 1000)::float8 as review_at,
          s.course_id, s.course_status, s.planned_sessions, s.course_completed,
          (date_part('epoch', s.half_at) * 1000)::float8 as half_at,
          (date_part('epoch', s.final_at) * 1000)::float8 as final_at,
          s.sessions_completed,
          (date_part('epoch', s.enough_sessions_at) * 1000)::float8 as enough_sessions_at,
          ${history}
        from listed l
        join patient_summary s on s.patient_id = l.patient_id and s.clinic_id = ${scope.clinicId}
        join patient p on p.id = l.patient_id and p.clinic_id = ${scope.clinicId}
        order by l.n`,
  );
  return { facts: rows, total: rows[0]?.total ?? 0 };
}
