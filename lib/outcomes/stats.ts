import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import type { Scope } from "@/lib/auth/scope-types";
import { queryRows } from "@/lib/dashboard/rows";

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
 * First and latest score per patient and instrument, for every patient of
 * `patientIds` (a subquery selecting patient ids of the scope's clinic), in
 * one set-based pass over instrument_result. Only signed, current results
 * count.
 */
export async function fetchInstrumentStats(db: Queryable, scope: Scope, patientIds: SQL): Promise<InstrumentStat[]> {
  return queryRows<InstrumentStat>(
    db,
    sql`select r.patient_id, r.instrument, count(*)::int as n,
          (extract(epoch from min(r.taken_at)) * 1000)::float8 as first_t,
          (array_agg(r.score order by r.taken_at, r.id))[1] as baseline,
          (array_agg(r.score order by r.taken_at desc, r.id desc))[1] as latest,
          (array_agg(r.direction order by r.taken_at desc, r.id desc))[1] as direction
        from instrument_result r
        join assessment a on a.id = r.assessment_id and a.clinic_id = r.clinic_id
        where r.clinic_id = ${scope.clinicId} and r.superseded_at is null and a.status = 'signed'
          and r.patient_id in (${patientIds})
        group by r.patient_id, r.instrument`,
  );
}

/** Groups stats rows by patient. */
export function groupStatsByPatient(rows: readonly InstrumentStat[]): Map<string, InstrumentStat[]> {
  const out = new Map<string, InstrumentStat[]>();
  for (const row of rows) {
    const list = out.get(row.patient_id) ?? [];
    list.push(row);
    out.set(row.patient_id, list);
  }
  return out;
}
