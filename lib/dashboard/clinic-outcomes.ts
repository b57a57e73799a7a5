import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import type { Scope } from "@/lib/auth/scope-types";
import { PATTERNS, type PatternId } from "@/lib/clinical/patterns";
import { queryRows } from "@/db/query-rows";
import type { InstrumentHistoryPoint } from "@/lib/outcomes/history";
import { getPeriodStart, type OutcomePeriod } from "./outcome-periods";
import type { DashboardView } from "./view";

export type OutcomeGroup = { key: string; label: string; patients: number; improved: number };
export type ClinicOutcomes = { period: OutcomePeriod; total: number; improved: number; byPractitioner: OutcomeGroup[]; byPattern: OutcomeGroup[] };

export const NO_PATTERN_KEY = "none";

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
 * The outcome population on summary alias `s`: the patients (of the caseload or the clinic)
 * who completed a decompression course or a home programme in the period. The summary row
 * keeps each patient's latest completion (lib/summaries), so this is a range of
 * patient_summary_completed_idx (or its whole-clinic twin). [U] a patient who completed
 * twice counts by the later completion.
 */
function completedCondition(scope: Scope, view: DashboardView, period: OutcomePeriod, now: Date): SQL {
  const mine = view === "mine" ? sql` and s.practitioner_id = ${scope.userId}` : sql``;
  return sql`s.clinic_id = ${scope.clinicId}${mine} and s.completed_at is not null
    and s.completed_at >= ${getPeriodStart(period, now).toISOString()} and s.completed_at <= ${now.toISOString()}`;
}

/**
 * The outcome population, one row per patient with their practitioner, confirmed patterns and
 * signed outcome history, from the summary rows: for the clinic benchmarks, which group it
 * further. The dashboard panel counts it in SQL instead (getClinicOutcomes).
 */
export async function listOutcomePopulation(db: Queryable, scope: Scope, view: DashboardView, period: OutcomePeriod, now = new Date()): Promise<OutcomePatientRow[]> {
  return queryRows<OutcomePatientRow>(
    db,
    sql`select s.patient_id as id, s.practitioner_id, u.name as practitioner_name, s.patterns, s.history
        from patient_summary s
        left join app_user u on u.id = s.practitioner_id and u.clinic_id = ${scope.clinicId}
        where ${completedCondition(scope, view, period, now)}
        order by s.patient_id`,
  );
}

/**
 * Of the patients who completed a decompression course or a home programme
 * in the period, how many reached a meaningful improvement (baseline to
 * latest, pain or main questionnaire, under the clinic's rules: the verdict the
 * summary row stores), grouped by their practitioner and by each confirmed
 * imbalance pattern. A patient with two patterns counts in both pattern groups.
 * Counted in SQL from the summary rows' index: no patient's history is read.
 * The clinic's rules reach the verdicts through the summary rows (a change of them rebuilds
 * the clinic's rows before the next read: call ensureClinicSummaries first, as loadDashboard does).
 */
export async function getClinicOutcomes(
  db: Queryable,
  scope: Scope,
  view: DashboardView,
  period: OutcomePeriod,
  now = new Date(),
): Promise<ClinicOutcomes> {
  const where = completedCondition(scope, view, period, now);
  const [practitioners, patterns] = await Promise.all([
    queryRows<{ key: string | null; label: string | null; patients: number; improved: number }>(
      db,
      sql`select g.practitioner_id as key, u.name as label, g.patients, g.improved
          from (
            select s.practitioner_id, count(*)::int as patients, (count(*) filter (where s.improved))::int as improved
            from patient_summary s where ${where} group by s.practitioner_id
          ) g
          left join app_user u on u.id = g.practitioner_id and u.clinic_id = ${scope.clinicId}`,
    ),
    queryRows<{ key: string; patients: number; improved: number }>(
      db,
      sql`select t.tag as key, count(*)::int as patients, (count(*) filter (where s.improved))::int as improved
          from patient_summary s
          cross join lateral unnest(case when cardinality(s.patterns) = 0 then array[${NO_PATTERN_KEY}]::text[] else s.patterns end) as t(tag)
          where ${where}
          group by t.tag`,
    ),
  ]);
  const byPractitioner = practitioners.map((g) => ({ key: g.key ?? "unassigned", label: g.label ?? "No practitioner", patients: g.patients, improved: g.improved }));
  const byPattern = patterns.map((g) => ({
    ...g,
    label: g.key === NO_PATTERN_KEY ? "No pattern confirmed" : (PATTERNS[g.key as PatternId]?.label ?? g.key),
  }));
  return {
    period,
    total: byPractitioner.reduce((n, g) => n + g.patients, 0),
    improved: byPractitioner.reduce((n, g) => n + g.improved, 0),
    byPractitioner: byPractitioner.sort(byShare),
    byPattern: byPattern.sort(byShare),
  };
}
