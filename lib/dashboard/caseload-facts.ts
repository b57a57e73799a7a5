import { subWeeks } from "date-fns";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import type { Scope } from "@/lib/auth/scope-types";
import { ASSESSMENT_OVERDUE_WEEKS } from "@/lib/clinical/caseload-rules";
import type { InstrumentHistoryPoint } from "@/lib/outcomes/history";
import { historyByPatientCte } from "@/lib/outcomes/queries";
import { queryRows } from "@/db/query-rows";
import { caseloadCondition, type DashboardView } from "./view";

/**
 * [U] house rule: a patient is "in active care" when not archived and on an
 * active programme, on an active decompression course, or assessed (signed)
 * within twice the reassessment interval. Long-discharged patients who were
 * never archived would otherwise fill every list.
 */
export const RECENTLY_ASSESSED_WEEKS = ASSESSMENT_OVERDUE_WEEKS * 2;

/** What the dashboard's rules need to know about one patient in active care. */
export type CaseloadFact = {
  id: string;
  first_name: string;
  last_name: string;
  /** First and latest signed assessment (epoch ms). */
  first_assessed: number | null;
  last_assessed: number | null;
  /** The active programme's review date, as the instant that day starts in the clinic. */
  review_at: number | null;
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

/**
 * One set-based query over the caseload (or the clinic): each CTE joins the
 * caseload to one table through its (clinic_id, patient_id, ...) index, and
 * the scores are matched to signed assessments by a hash join rather than a
 * lookup per score, so the work grows with the caseload, never with round
 * trips per patient.
 */
export async function fetchCaseloadFacts(db: Queryable, scope: Scope, view: DashboardView, now: Date): Promise<CaseloadFact[]> {
  const c = scope.clinicId;
  const recent = subWeeks(now, RECENTLY_ASSESSED_WEEKS).toISOString();
  return queryRows<CaseloadFact>(
    db,
    sql`with caseload as materialized (
          select p.id, p.first_name, p.last_name from patient p
          where ${caseloadCondition(scope, view)} and p.archived_at is null
        ),
        signed as materialized (
          select a.id, a.patient_id, a.assessed_at from assessment a join caseload k on k.id = a.patient_id
          where a.clinic_id = ${c} and a.status = 'signed'
        ),
        assessed as (
          select patient_id, min(assessed_at) as first_at, max(assessed_at) as last_at from signed group by patient_id
        ),
        programme_due as (
          select g.patient_id, g.review_date from programme g join caseload k on k.id = g.patient_id
          where g.clinic_id = ${c} and g.status = 'active'
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
        active as materialized (
          select k.id, k.first_name, k.last_name, ad.first_at, ad.last_at, pd.review_date,
            lc.id as course_id, lc.status as course_status, lc.planned_sessions,
            coalesce(cs.n, 0) as course_completed, cs.half_at, cs.final_at, coalesce(ps.n, 0) as sessions_completed
          from caseload k
          left join assessed ad on ad.patient_id = k.id
          left join programme_due pd on pd.patient_id = k.id
          left join latest_course lc on lc.patient_id = k.id
          left join course_sessions cs on cs.patient_id = k.id
          left join patient_sessions ps on ps.patient_id = k.id
          where pd.patient_id is not null or lc.status = 'active' or ad.last_at >= ${recent}
        ),
        ${historyByPatientCte(c, sql`active`)},
        clinic_zone as (select time_zone from clinic where id = ${c})
        select x.id, x.first_name, x.last_name,
          (date_part('epoch', x.first_at) * 1000) as first_assessed,
          (date_part('epoch', x.last_at) * 1000) as last_assessed,
          (extract(epoch from (x.review_date::timestamp at time zone z.time_zone)) * 1000)::float8 as review_at,
          x.review_date::text as review_date,
          x.course_id, x.course_status, x.planned_sessions, x.course_completed,
          (date_part('epoch', x.half_at) * 1000) as half_at,
          (date_part('epoch', x.final_at) * 1000) as final_at,
          x.sessions_completed,
          coalesce(h.history, '[]'::jsonb) as history
        from active x
        cross join clinic_zone z
        left join history_by_patient h on h.patient_id = x.id`,
  );
}
