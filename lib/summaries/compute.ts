import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import type { McidRuleOverride } from "@/lib/clinical/mcid";
import type { InstrumentHistoryPoint } from "@/lib/outcomes/history";
import { summarisePatientOutcome } from "@/lib/outcomes/model";
import { historyByPatientCte } from "@/lib/outcomes/queries";

/** The facts of one patient's care the summary row keeps (times as epoch ms, as both drivers parse them alike). */
export type SummaryFacts = {
  /** First and latest signed assessment. */
  first_assessed: number | null;
  last_assessed: number | null;
  review_date: string | null;
  course_id: string | null;
  course_status: "active" | "completed" | null;
  planned_sessions: number | null;
  course_completed: number;
  /** When the session reaching 50 % and 100 % of the plan was completed. */
  half_at: number | null;
  final_at: number | null;
  sessions_completed: number;
  /** Every signed score (pain and questionnaires), oldest first: lib/outcomes judges it. */
  history: InstrumentHistoryPoint[];
};

/** A summary row as computed from the source tables. */
export type ComputedSummary = SummaryFacts & { patient_id: string; active_programme: boolean; improved: boolean };

/**
 * The summary of each patient of `clinicId` matching `patientCondition` (on alias `p`),
 * from scratch: one set-based statement for the facts, then the outcome model's verdict.
 * The one computation behind refreshPatientSummary and the rebuild.
 */
export async function computeSummaries(db: Queryable, clinicId: string, patientCondition: SQL, overrides: readonly McidRuleOverride[]): Promise<ComputedSummary[]> {
  const c = clinicId;
  const rows = await queryRows<Omit<ComputedSummary, "improved">>(
    db,
    sql`with caseload as materialized (
          select p.id from patient p where p.clinic_id = ${c} and ${patientCondition}
        ),
        signed as materialized (
          select a.id, a.patient_id, a.assessed_at from assessment a join caseload k on k.id = a.patient_id
          where a.clinic_id = ${c} and a.status = 'signed'
        ),
        assessed as (
          select patient_id, min(assessed_at) as first_at, max(assessed_at) as last_at from signed group by patient_id
        ),
        programme_due as (
          select distinct on (g.patient_id) g.patient_id, g.review_date from programme g join caseload k on k.id = g.patient_id
          where g.clinic_id = ${c} and g.status = 'active'
          order by g.patient_id, g.review_date nulls last
        ),
        latest_course as (
          select distinct on (dc.patient_id) dc.patient_id, dc.id, dc.status, dc.planned_sessions
          from decompression_course dc join caseload k on k.id = dc.patient_id
          where dc.clinic_id = ${c} and dc.status in ('active', 'completed')
          order by dc.patient_id, dc.start_date desc, dc.created_at desc
        ),
        completed as materialized (
          select s.patient_id, s.course_id, s.scheduled_at from decompression_session s join caseload k on k.id = s.patient_id
          where s.clinic_id = ${c} and s.status = 'completed'
        ),
        patient_sessions as (
          select patient_id, count(*)::int as n from completed group by patient_id
        ),
        course_sessions as (
          select lc.patient_id, count(*)::int as n,
            (array_agg(s.scheduled_at order by s.scheduled_at))[greatest(ceil(lc.planned_sessions / 2.0)::int, 1)] as half_at,
            (array_agg(s.scheduled_at order by s.scheduled_at))[lc.planned_sessions] as final_at
          from latest_course lc join completed s on s.course_id = lc.id and s.patient_id = lc.patient_id
          group by lc.patient_id, lc.planned_sessions
        ),
        ${historyByPatientCte(c, sql`caseload`)}
        select k.id as patient_id,
          (date_part('epoch', ad.first_at) * 1000)::float8 as first_assessed,
          (date_part('epoch', ad.last_at) * 1000)::float8 as last_assessed,
          (pd.patient_id is not null) as active_programme,
          pd.review_date::text as review_date,
          lc.id as course_id, lc.status as course_status, lc.planned_sessions,
          coalesce(cs.n, 0) as course_completed,
          (date_part('epoch', cs.half_at) * 1000)::float8 as half_at,
          (date_part('epoch', cs.final_at) * 1000)::float8 as final_at,
          coalesce(ps.n, 0) as sessions_completed,
          coalesce(h.history, '[]'::jsonb) as history
        from caseload k
        left join assessed ad on ad.patient_id = k.id
        left join programme_due pd on pd.patient_id = k.id
        left join latest_course lc on lc.patient_id = k.id
        left join course_sessions cs on cs.patient_id = k.id
        left join patient_sessions ps on ps.patient_id = k.id
        left join history_by_patient h on h.patient_id = k.id
        order by k.id`,
  );
  return rows.map((r) => ({ ...r, improved: summarisePatientOutcome(r.history, overrides).improved }));
}
