import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import type { Scope } from "@/lib/auth/scope-types";
import type { McidRuleOverride } from "@/lib/clinical/mcid";
import { PATTERNS, type PatternId } from "@/lib/clinical/patterns";
import { queryRows } from "@/db/query-rows";
import type { InstrumentHistoryPoint } from "@/lib/outcomes/history";
import { summarisePatientOutcome } from "@/lib/outcomes/model";
import { historyByPatientCte } from "@/lib/outcomes/queries";
import { getPeriodStart, type OutcomePeriod } from "./outcome-periods";
import { caseloadCondition, type DashboardView } from "./view";

export type OutcomeGroup = { key: string; label: string; patients: number; improved: number };
export type ClinicOutcomes = { period: OutcomePeriod; total: number; improved: number; byPractitioner: OutcomeGroup[]; byPattern: OutcomeGroup[] };

export const NO_PATTERN_KEY = "none";

function tally(groups: Map<string, OutcomeGroup>, key: string, label: string, improved: boolean) {
  const g = groups.get(key) ?? { key, label, patients: 0, improved: 0 };
  g.patients += 1;
  if (improved) g.improved += 1;
  groups.set(key, g);
}

const byShare = (a: OutcomeGroup, b: OutcomeGroup) => b.patients - a.patients || a.label.localeCompare(b.label);

/**
 * "Completed in the period" as SQL conditions on `decompression_course dc` and
 * `programme g`. Completion time: the row's last update once its status is
 * "completed". [U] no completed_at column exists.
 */
export function completedInPeriod(clinicId: string, period: OutcomePeriod, now: Date): { courseDone: SQL; programmeDone: SQL } {
  const from = getPeriodStart(period, now).toISOString();
  const to = now.toISOString();
  return {
    courseDone: sql`dc.clinic_id = ${clinicId} and dc.status = 'completed' and dc.updated_at >= ${from} and dc.updated_at <= ${to}`,
    programmeDone: sql`g.clinic_id = ${clinicId} and g.status = 'completed' and g.updated_at >= ${from} and g.updated_at <= ${to}`,
  };
}

/** One patient of the outcome population, with what every grouping of it needs. */
export type OutcomePatientRow = { id: string; practitioner_id: string | null; practitioner_name: string | null; patterns: string[]; history: InstrumentHistoryPoint[] };

/**
 * The outcome population: the patients (of the caseload or the clinic) who
 * completed a decompression course or a home programme in the period, each
 * with their practitioner, confirmed patterns and signed outcome history. The
 * one reader of it: the dashboard panel and the clinic benchmarks group it.
 */
export async function listOutcomePopulation(db: Queryable, scope: Scope, view: DashboardView, period: OutcomePeriod, now = new Date()): Promise<OutcomePatientRow[]> {
  const c = scope.clinicId;
  const { courseDone, programmeDone } = completedInPeriod(c, period, now);
  // A caseload is probed patient by patient through the (clinic_id, patient_id, ...) indexes; the whole clinic
  // is matched set-wise against its completed courses and programmes. (offset 0 keeps each probe a probe.)
  const completedInCaseload = sql`select p.id, p.practitioner_id from patient p
    cross join lateral (
      select exists (select 1 from decompression_course dc where ${courseDone} and dc.patient_id = p.id)
        or exists (select 1 from programme g where ${programmeDone} and g.patient_id = p.id) as done
      offset 0
    ) x
    where ${caseloadCondition(scope, view)} and x.done`;
  const completedInClinic = sql`select p.id, p.practitioner_id from patient p
    where ${caseloadCondition(scope, view)} and p.id in (
      select dc.patient_id from decompression_course dc where ${courseDone}
      union select g.patient_id from programme g where ${programmeDone})`;
  return queryRows<OutcomePatientRow>(
    db,
    sql`with done as materialized (${view === "mine" ? completedInCaseload : completedInClinic}),
        signed as materialized (
          select a.id, a.patient_id, a.assessed_at from assessment a join done d on d.id = a.patient_id
          where a.clinic_id = ${c} and a.status = 'signed'
        ),
        ${historyByPatientCte(c, sql`done`)},
        decisions as (
          -- Per patient through pattern_tag (clinic_id, patient_id, status): a handful of rows each.
          select distinct on (t.patient_id, t.pattern) t.patient_id, t.pattern, t.status
          from done d
          cross join lateral (
            select t.patient_id, t.pattern, t.status, t.assessment_id, t.decided_at from pattern_tag t
            where t.clinic_id = ${c} and t.patient_id = d.id and t.superseded_at is null
            offset 0 -- keeps the planner from flattening this into a scan of the whole table
          ) t
          join signed s on s.id = t.assessment_id
          order by t.patient_id, t.pattern, s.assessed_at desc, t.decided_at desc
        ),
        patterns as (
          select patient_id, array_agg(pattern order by pattern) as patterns from decisions where status = 'confirmed' group by patient_id
        )
        select d.id, d.practitioner_id, u.name as practitioner_name,
          coalesce(pt.patterns, '{}'::text[]) as patterns, coalesce(h.history, '[]'::jsonb) as history
        from done d
        left join app_user u on u.id = d.practitioner_id and u.clinic_id = ${c}
        left join patterns pt on pt.patient_id = d.id
        left join history_by_patient h on h.patient_id = d.id`,
  );

}

/**
 * Of the patients who completed a decompression course or a home programme
 * in the period, how many reached a meaningful improvement (baseline to
 * latest, pain or main questionnaire, under the clinic's rules), grouped by
 * their practitioner and by each confirmed imbalance pattern. A patient with
 * two patterns counts in both pattern groups.
 */
export async function getClinicOutcomes(
  db: Queryable,
  scope: Scope,
  view: DashboardView,
  period: OutcomePeriod,
  overrides: readonly McidRuleOverride[],
  now = new Date(),
): Promise<ClinicOutcomes> {
  const patients = await listOutcomePopulation(db, scope, view, period, now);

  const byPractitioner = new Map<string, OutcomeGroup>();
  const byPattern = new Map<string, OutcomeGroup>();
  let improvedTotal = 0;
  for (const p of patients) {
    const { improved } = summarisePatientOutcome(p.history, overrides);
    if (improved) improvedTotal += 1;
    tally(byPractitioner, p.practitioner_id ?? "unassigned", p.practitioner_name ?? "No practitioner", improved);
    for (const tag of p.patterns.length > 0 ? p.patterns : [NO_PATTERN_KEY]) {
      const label = tag === NO_PATTERN_KEY ? "No pattern confirmed" : (PATTERNS[tag as PatternId]?.label ?? tag);
      tally(byPattern, tag, label, improved);
    }
  }
  return {
    period,
    total: patients.length,
    improved: improvedTotal,
    byPractitioner: [...byPractitioner.values()].sort(byShare),
    byPattern: [...byPattern.values()].sort(byShare),
  };
}
