import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import type { Scope } from "@/lib/auth/scope-types";
import { queryRows } from "@/db/query-rows";

/**
 * The raw rows behind a patient's progress charts. Every query is bounded by
 * clinic_id and patient_id and served by an index leading with them. Only
 * current values count: superseded rows (amended assessments) and values in
 * unsigned drafts are left out.
 */

export type MeasurementPointRow = { code: string; side: string; value: number; unit: string; method: string | null; t: number };

/**
 * A measurement counts once it is outside a draft: recorded on its own, or in
 * a signed assessment. Drafts are few, so they are excluded by a hashed
 * NOT IN rather than a join, which keeps the measurement side an index-only
 * scan of measurement_series_idx.
 */
function measurementsFrom(scope: Scope, patientId: string): SQL {
  return sql`from measurement m
    where m.clinic_id = ${scope.clinicId} and m.patient_id = ${patientId} and m.superseded_at is null
      and (m.assessment_id is null or m.assessment_id not in (
        select a.id from assessment a where a.clinic_id = ${scope.clinicId} and a.patient_id = ${patientId} and a.status = 'draft'))`;
}

/** Every current measurement in the range (of one measure, when `code` is given), ordered by measure, side and time. */
export async function fetchMeasurementPoints(
  db: Queryable,
  scope: Scope,
  patientId: string,
  since: Date | null,
  code?: string,
): Promise<MeasurementPointRow[]> {
  return queryRows<MeasurementPointRow>(
    db,
    sql`select m.code, m.side, m.value, m.unit, m.method, (date_part('epoch', m.taken_at) * 1000) as t
        ${measurementsFrom(scope, patientId)}
        ${since ? sql`and m.taken_at >= ${since.toISOString()}` : sql``}
        ${code ? sql`and m.code = ${code}` : sql``}
        order by m.code, m.side, m.taken_at, m.id`,
  );
}

export type MeasurementSeriesRow = {
  code: string;
  side: string;
  /** Epoch ms and values, oldest first. */
  t: number[];
  v: number[];
  /** The method of the latest value, and every method used. */
  latest_method: string | null;
  methods: string[];
};

/**
 * The chart's view of the same rows: one row per measure and side with the
 * times and values as arrays, built by PostgreSQL, so a long history crosses
 * the wire as a dozen rows rather than thousands.
 */
export async function fetchMeasurementSeries(db: Queryable, scope: Scope, patientId: string, since: Date | null): Promise<MeasurementSeriesRow[]> {
  // Sorted once, in index order, then gathered without per-aggregate sorts (PostgreSQL 15 sorts an ORDER BY inside an aggregate itself).
  // Times travel as whole seconds and arrays as JSON: formatting 10,000 float8 timestamps costs more than scanning them.
  const rows = await queryRows<{ code: string; side: string; t: number[]; v: number[]; methods: (string | null)[] }>(
    db,
    sql`select code, side, json_agg(t) as t, json_agg(value) as v, array_agg(distinct method) as methods
        from (
          select m.code, m.side, date_part('epoch', m.taken_at)::int8 as t, m.value, m.method
          ${measurementsFrom(scope, patientId)}
          ${since ? sql`and m.taken_at >= ${since.toISOString()}` : sql``}
          order by m.code, m.side, m.taken_at, m.id
        ) ordered
        group by code, side`,
  );
  const series = rows.map((r) => {
    const methods = r.methods.filter((m): m is string => m !== null);
    const ordered = ensureTimeOrder(r.t.map((seconds) => seconds * 1000), r.v);
    return { code: r.code, side: r.side, ...ordered, methods, latest_method: methods.length === 1 ? methods[0]! : null };
  });
  // Only a series measured by more than one method needs to know which came last (an index probe each).
  const mixed = series.filter((s) => s.methods.length > 1);
  if (mixed.length > 0) {
    const latest = await fetchLatestMethods(db, scope, patientId, mixed);
    for (const s of mixed) s.latest_method = latest.get(`${s.code}/${s.side}`) ?? null;
  }
  return series;
}

async function fetchLatestMethods(db: Queryable, scope: Scope, patientId: string, keys: readonly { code: string; side: string }[]) {
  const wanted = sql.join(
    keys.map((k) => sql`(${k.code}, ${k.side})`),
    sql`, `,
  );
  const rows = await queryRows<{ code: string; side: string; method: string | null }>(
    db,
    sql`select k.code, k.side, l.method
        from (values ${wanted}) as k(code, side)
        cross join lateral (
          select m.method ${measurementsFrom(scope, patientId)} and m.code = k.code and m.side = k.side
          order by m.taken_at desc, m.id desc limit 1
        ) l`,
  );
  return new Map(rows.map((r) => [`${r.code}/${r.side}`, r.method]));
}

/** Aggregating a sorted subquery keeps its order in practice, but SQL does not promise it: check, and sort if ever needed. */
function ensureTimeOrder(t: number[], v: number[]): { t: number[]; v: number[] } {
  if (t.every((x, i) => i === 0 || t[i - 1]! <= x)) return { t, v };
  const order = t.map((_, i) => i).sort((a, b) => t[a]! - t[b]!);
  return { t: order.map((i) => t[i]!), v: order.map((i) => v[i]!) };
}

/** The first value of each listed measure and side, whenever it was taken: one index probe each. */
export async function fetchMeasurementBaselines(
  db: Queryable,
  scope: Scope,
  patientId: string,
  keys: readonly { code: string; side: string }[],
): Promise<{ code: string; side: string; value: number; t: number }[]> {
  if (keys.length === 0) return [];
  const wanted = sql.join(
    keys.map((k) => sql`(${k.code}, ${k.side})`),
    sql`, `,
  );
  return queryRows(
    db,
    sql`select k.code, k.side, b.value, b.t
        from (values ${wanted}) as k(code, side)
        cross join lateral (
          select m.value, (date_part('epoch', m.taken_at)::int8 * 1000)::float8 as t
          ${measurementsFrom(scope, patientId)} and m.code = k.code and m.side = k.side
          order by m.taken_at, m.id
          limit 1
        ) b`,
  );
}

/** Completed decompression sessions in the range (epoch ms), for the chart markers. */
export async function fetchCompletedSessionTimes(db: Queryable, scope: Scope, patientId: string, since: Date | null): Promise<number[]> {
  const rows = await queryRows<{ t: number }>(
    db,
    sql`select (date_part('epoch', s.scheduled_at) * 1000) as t
        from decompression_session s
        where s.clinic_id = ${scope.clinicId} and s.patient_id = ${patientId} and s.status = 'completed'
        ${since ? sql`and s.scheduled_at >= ${since.toISOString()}` : sql``}
        order by s.scheduled_at`,
  );
  return rows.map((r) => r.t);
}

/** Home-programme adherence per week in the range, summed over the week's programmes. */
export async function fetchWeeklyAdherence(
  db: Queryable,
  scope: Scope,
  patientId: string,
  since: Date | null,
): Promise<{ week_start: string; done: number; prescribed: number }[]> {
  return queryRows(
    db,
    sql`select e.week_start::text as week_start, sum(e.sessions_done)::int as done, sum(e.sessions_prescribed)::int as prescribed
        from adherence_entry e
        where e.clinic_id = ${scope.clinicId} and e.patient_id = ${patientId}
        ${since ? sql`and e.week_start >= ${since.toISOString().slice(0, 10)}` : sql``}
        group by e.week_start
        order by e.week_start`,
  );
}
