import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import type { McidRuleOverride } from "@/lib/clinical/mcid";
import type { InstrumentHistoryPoint } from "@/lib/outcomes/history";
import { summarisePatientOutcome } from "@/lib/outcomes/model";
import { historyByPatientCte } from "@/lib/outcomes/queries";
import { judgeSummary, type SummaryVerdicts } from "./verdicts";
import { DEFAULT_NOT_IMPROVING_RULES } from "@/lib/clinical/caseload-rules";

/** One week of home-programme adherence (weeks by their Monday: a week recorded from another weekday counts in its ISO week). */
export type AdherenceWeekFacts = { week: string; done: number; prescribed: number };

/** The facts of one patient's care the summary row keeps (times as epoch ms, as both drivers parse them alike). */
export type SummaryFacts = {
  /** First and latest signed assessment. */
  first_assessed: number | null;
  last_assessed: number | null;
  review_date: string | null;
  /** The review date's first instant in the clinic's time zone. */
  review_at: number | null;
  course_id: string | null;
  course_status: "active" | "completed" | null;
  planned_sessions: number | null;
  course_completed: number;
  /** When the session reaching 50 % and 100 % of the plan was completed. */
  half_at: number | null;
  final_at: number | null;
  sessions_completed: number;
  /** When the completed session that reached the not-improving rule's session count took place. */
  enough_sessions_at: number | null;
  /** Every signed score (pain and questionnaires), oldest first: lib/outcomes judges it. */
  history: InstrumentHistoryPoint[];
};

/** Facts the lists filter on besides: whose patient, archived, outcome population, adherence. */
export type SummaryContext = {
  practitioner_id: string | null;
  archived: boolean;
  /** The latest completion of a decompression course or home programme. */
  completed_at: number | null;
  /** Imbalance patterns confirmed at the latest signed decision, sorted. */
  patterns: string[];
  /**
   * The three latest weeks with adherence entries, latest first, summed over programmes. No entry is
   * for a later week than the current one (recordAdherence refuses; a phone's log is dated at most a
   * day ahead), so last week is always among them.
   */
  adherence: AdherenceWeekFacts[];
};

/** A summary row as computed from the source tables. */
export type ComputedSummary = SummaryFacts & Omit<SummaryContext, "adherence"> & SummaryVerdicts & { patient_id: string; active_programme: boolean };

/**
 * The summary of each patient of `clinicId` matching `patientCondition` (on alias `p`),
 * from scratch: one set-based statement for the facts, then the outcome model's and the
 * caseload rules' verdicts (./verdicts.ts). The one computation behind
 * refreshPatientSummary and the rebuild.
 */
export async function computeSummaries(db: Queryable, clinicId: string, patientCondition: SQL, overrides: readonly McidRuleOverride[]): Promise<ComputedSummary[]> {
  const c = clinicId;
  const rows = await queryRows<SummaryFacts & SummaryContext & { patient_id: string; active_programme: boolean }>(
    db,
    sql`with caseload as materialized (
          select p.id, p.practitioner_id, p.archived_at is not null as archived from patient p where p.clinic_id = ${c} and ${patientCondition}
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
          select patient_id, count(*)::int as n,
            (array_agg(scheduled_at order by scheduled_at))[${DEFAULT_NOT_IMPROVING_RULES.minSessionsCompleted}::int] as enough_at
          from completed group by patient_id
        ),
        course_sessions as (
          select lc.patient_id, count(*)::int as n,
            (array_agg(s.scheduled_at order by s.scheduled_at))[greatest(ceil(lc.planned_sessions / 2.0)::int, 1)] as half_at,
            (array_agg(s.scheduled_at order by s.scheduled_at))[lc.planned_sessions] as final_at
          from latest_course lc join completed s on s.course_id = lc.id and s.patient_id = lc.patient_id
          group by lc.patient_id, lc.planned_sessions
        ),
        -- "Completed in the period" (lib/dashboard/clinic-outcomes.ts): the row's last update once completed. [U] no completed_at column exists.
        completions as (
          select patient_id, max(at) as at from (
            select dc.patient_id, dc.updated_at as at from decompression_course dc join caseload k on k.id = dc.patient_id
            where dc.clinic_id = ${c} and dc.status = 'completed'
            union all
            select g.patient_id, g.updated_at from programme g join caseload k on k.id = g.patient_id
            where g.clinic_id = ${c} and g.status = 'completed'
          ) x group by patient_id
        ),
        decisions as (
          -- Through pattern_tag (clinic_id, patient_id, status): a handful of rows per patient.
          select distinct on (t.patient_id, t.pattern) t.patient_id, t.pattern, t.status
          from caseload k
          join pattern_tag t on t.clinic_id = ${c} and t.patient_id = k.id and t.superseded_at is null
          join signed s on s.id = t.assessment_id
          order by t.patient_id, t.pattern, s.assessed_at desc, t.decided_at desc
        ),
        patterns as (
          select patient_id, array_agg(pattern order by pattern) as patterns from decisions where status = 'confirmed' group by patient_id
        ),
        adherence_weeks as (
          select e.patient_id, date_trunc('week', e.week_start)::date as week,
            sum(e.sessions_done)::int as done, sum(e.sessions_prescribed)::int as prescribed
          from adherence_entry e join caseload k on k.id = e.patient_id
          where e.clinic_id = ${c}
          group by e.patient_id, date_trunc('week', e.week_start)::date
        ),
        adherence as (
          select patient_id, jsonb_agg(jsonb_build_object('week', week::text, 'done', done, 'prescribed', prescribed) order by week desc) as weeks
          from (select w.*, row_number() over (partition by patient_id order by week desc) as n from adherence_weeks w) w
          where n <= 3 group by patient_id
        ),
        ${historyByPatientCte(c, sql`caseload`)}
        select k.id as patient_id, k.practitioner_id, k.archived,
          (date_part('epoch', ad.first_at) * 1000)::float8 as first_assessed,
          (date_part('epoch', ad.last_at) * 1000)::float8 as last_assessed,
          (pd.patient_id is not null) as active_programme,
          pd.review_date::text as review_date,
          (extract(epoch from (pd.review_date::timestamp at time zone cl.time_zone)) * 1000)::float8 as review_at,
          lc.id as course_id, lc.status as course_status, lc.planned_sessions,
          coalesce(cs.n, 0) as course_completed,
          (date_part('epoch', cs.half_at) * 1000)::float8 as half_at,
          (date_part('epoch', cs.final_at) * 1000)::float8 as final_at,
          coalesce(ps.n, 0) as sessions_completed,
          (date_part('epoch', ps.enough_at) * 1000)::float8 as enough_sessions_at,
          (date_part('epoch', co.at) * 1000)::float8 as completed_at,
          coalesce(pt.patterns, '{}'::text[]) as patterns,
          coalesce(aw.weeks, '[]'::jsonb) as adherence,
          coalesce(h.history, '[]'::jsonb) as history
        from caseload k
        join clinic cl on cl.id = ${c}
        left join assessed ad on ad.patient_id = k.id
        left join programme_due pd on pd.patient_id = k.id
        left join latest_course lc on lc.patient_id = k.id
        left join course_sessions cs on cs.patient_id = k.id
        left join patient_sessions ps on ps.patient_id = k.id
        left join completions co on co.patient_id = k.id
        left join patterns pt on pt.patient_id = k.id
        left join adherence aw on aw.patient_id = k.id
        left join history_by_patient h on h.patient_id = k.id
        order by k.id`,
  );
  return rows.map(({ adherence, ...r }) => ({ ...r, ...judgeSummary({ ...r, adherence }, summarisePatientOutcome(r.history, overrides).improved) }));
}
