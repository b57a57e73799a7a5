import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import type { Scope } from "@/lib/auth/scope-types";
import type { McidRuleOverride } from "@/lib/clinical/mcid";
import { PATTERNS, type PatternId } from "@/lib/clinical/patterns";
import { queryRows } from "@/lib/dashboard/rows";
import { caseloadCondition, type DashboardView } from "@/lib/dashboard/view";
import { getPeriodStart, type OutcomePeriod } from "./periods";
import { fetchInstrumentStats, groupStatsByPatient } from "./stats";
import { makeClassifier, summarizeOutcome } from "./summarize";

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
  const c = scope.clinicId;
  const from = getPeriodStart(period, now).toISOString();
  const to = now.toISOString();
  // Completion time: the row's last update once its status is "completed". [U] no completed_at column exists.
  const completedIds = sql`select p.id from patient p
    where ${caseloadCondition(scope, view)} and p.id in (
      select dc.patient_id from decompression_course dc
      where dc.clinic_id = ${c} and dc.status = 'completed' and dc.updated_at >= ${from} and dc.updated_at <= ${to}
      union
      select g.patient_id from programme g
      where g.clinic_id = ${c} and g.status = 'completed' and g.updated_at >= ${from} and g.updated_at <= ${to}
    )`;
  const [patients, patterns, stats] = await Promise.all([
    queryRows<{ id: string; practitioner_id: string | null; practitioner_name: string | null }>(
      db,
      sql`select d.id, p.practitioner_id, u.name as practitioner_name
          from (${completedIds}) d
          join patient p on p.id = d.id
          left join app_user u on u.id = p.practitioner_id and u.clinic_id = p.clinic_id`,
    ),
    queryRows<{ patient_id: string; pattern: string }>(
      db,
      sql`select distinct t.patient_id, t.pattern from pattern_tag t
          where t.clinic_id = ${c} and t.status = 'confirmed' and t.superseded_at is null and t.patient_id in (${completedIds})`,
    ),
    fetchInstrumentStats(db, scope, completedIds),
  ]);

  const classify = makeClassifier(overrides);
  const statsByPatient = groupStatsByPatient(stats);
  const patternsByPatient = new Map<string, string[]>();
  for (const row of patterns) patternsByPatient.set(row.patient_id, [...(patternsByPatient.get(row.patient_id) ?? []), row.pattern]);

  const byPractitioner = new Map<string, OutcomeGroup>();
  const byPattern = new Map<string, OutcomeGroup>();
  let improvedTotal = 0;
  for (const p of patients) {
    const { improved } = summarizeOutcome(statsByPatient.get(p.id) ?? [], classify);
    if (improved) improvedTotal += 1;
    tally(byPractitioner, p.practitioner_id ?? "unassigned", p.practitioner_name ?? "No practitioner", improved);
    const tags = patternsByPatient.get(p.id) ?? [NO_PATTERN_KEY];
    for (const tag of tags) {
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
