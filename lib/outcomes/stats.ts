import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import type { Scope } from "@/lib/auth/scope-types";
import { queryRows } from "@/db/query-rows";

/** Baseline (first) and latest current score of one instrument for one patient. */
export type InstrumentStat = {
  patient_id: string;
  instrument: "nprs" | "odi" | "rmdq" | "psfs" | "ndi";
  n: number;
  first_t: number;
  baseline: number;
  latest: number;
  direction: "higher-is-worse" | "higher-is-better";
};

/**
 * CTEs `stats` and `stats_by_patient` (one jsonb array of InstrumentStat per
 * patient) for the patients of the CTE `patients` (column id). They expect a
 * CTE `signed` (id) of those patients' signed assessments: scores are matched
 * to it by a hash join, not one lookup per score. Superseded scores (amended
 * assessments) never count.
 */
export function instrumentStatsCte(clinicId: string, patients: SQL): SQL {
  // One sort in index order, then plain aggregates over it (PostgreSQL 15 sorts inside every ORDER BY aggregate otherwise).
  return sql`stats as (
      select patient_id, instrument, count(*)::int as n, (min(taken_at) * 1000)::float8 as first_t,
        (array_agg(score))[1] as baseline, (array_agg(score))[count(*)] as latest, (array_agg(direction))[count(*)] as direction
      from (
        select r.patient_id, r.instrument, date_part('epoch', r.taken_at) as taken_at, r.score, r.direction
        from ${patients} x
        join instrument_result r on r.clinic_id = ${clinicId} and r.patient_id = x.id and r.superseded_at is null
        join signed s on s.id = r.assessment_id
        order by r.patient_id, r.instrument, r.taken_at, r.id
      ) ordered
      group by patient_id, instrument
    ),
    stats_by_patient as (
      select patient_id, jsonb_agg(jsonb_build_object('patient_id', patient_id, 'instrument', instrument, 'n', n, 'first_t', first_t,
        'baseline', baseline, 'latest', latest, 'direction', direction)) as stats
      from stats group by patient_id
    )`;
}

/** One patient's InstrumentStat rows (the patient page's progress summary). */
export async function fetchPatientStats(db: Queryable, scope: Scope, patientId: string): Promise<InstrumentStat[]> {
  const c = scope.clinicId;
  const rows = await queryRows<InstrumentStat>(
    db,
    sql`with target as (select ${patientId}::uuid as id),
        signed as (select a.id from assessment a where a.clinic_id = ${c} and a.patient_id = ${patientId} and a.status = 'signed'),
        ${instrumentStatsCte(c, sql`target`)}
        select patient_id, instrument, n, first_t, baseline, latest, direction from stats`,
  );
  return rows;
}
