import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import type { Scope } from "@/lib/auth/scope-types";
import type { InstrumentHistoryPoint } from "./history";

/**
 * The one reader of outcome history. Only current scores of signed
 * assessments count: superseded rows (amended assessments) and drafts never.
 */

// jsonb keys are the InstrumentHistoryPoint fields, so a row parses without renaming.
function pointJson(withWorst: boolean): SQL {
  const worst = withWorst
    ? sql`case when r.instrument = 'nprs' then
        (coalesce(jsonb_path_query_first(r.items, '$[*] ? (@.id == "worst24h").value'), r.items -> 'worst24h') #>> '{}')::float8 end`
    : sql`null::float8`;
  return sql`jsonb_build_object('assessmentId', r.assessment_id, 'instrument', r.instrument, 'version', r.version, 'score', r.score,
    'unit', r.score_unit, 'scaleMin', r.scale_min, 'scaleMax', r.scale_max, 'direction', r.direction, 'band', r.band,
    'takenAt', (date_part('epoch', r.taken_at) * 1000)::float8, 'worst', ${worst})`;
}

/** One patient's history, oldest first (patient page, progress charts, CSV). */
export async function fetchPatientHistory(db: Queryable, scope: Scope, patientId: string): Promise<InstrumentHistoryPoint[]> {
  const rows = await queryRows<{ point: InstrumentHistoryPoint }>(
    db,
    sql`select ${pointJson(true)} as point
        from instrument_result r
        join assessment a on a.id = r.assessment_id and a.clinic_id = r.clinic_id and a.patient_id = r.patient_id
        where r.clinic_id = ${scope.clinicId} and r.patient_id = ${patientId}
          and r.superseded_at is null and a.status = 'signed'
        order by r.taken_at, r.instrument, r.id`,
  );
  return rows.map((r) => r.point);
}

/**
 * CTE `history_by_patient` (patient_id, history: jsonb array of
 * InstrumentHistoryPoint, oldest first) for the patients of the CTE named by
 * `patients` (column id), for set-based lists (dashboard, clinic outcomes).
 * It expects a CTE `signed` (id) of those patients' signed assessments:
 * scores are matched to it by a hash join, not one lookup per score.
 */
export function historyByPatientCte(clinicId: string, patients: SQL): SQL {
  return sql`history_by_patient as (
      select r.patient_id, jsonb_agg(${pointJson(false)} order by r.taken_at, r.instrument, r.id) as history
      from ${patients} x
      join instrument_result r on r.clinic_id = ${clinicId} and r.patient_id = x.id and r.superseded_at is null
      join signed s on s.id = r.assessment_id
      group by r.patient_id
    )`;
}
