import type { Queryable } from "@/db/client";
import type { Sex } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { computeAdherencePercent } from "@/lib/clinical/caseload-rules";
import { getPatientOutcome } from "@/lib/outcomes/patient";
import { buildInstrumentCharts, buildMeasureCharts } from "./build-charts";
import {
  fetchCompletedSessionTimes,
  fetchMeasurementBaselines,
  fetchMeasurementSeries,
  fetchWeeklyAdherence,
} from "./queries";
import { getRangeStart, type ProgressRange } from "./range";
import type { ProgressData } from "./types";

/**
 * Everything the progress charts of one patient need, reduced on the server
 * to at most SERIES_POINT_CAP points per series. The caller has already
 * checked the patient belongs to the scope's clinic.
 */
export async function loadProgress(
  db: Queryable,
  scope: Scope,
  patient: { id: string; sex: Sex },
  range: ProgressRange,
  now = new Date(),
): Promise<ProgressData> {
  const since = getRangeStart(range, now);
  const [{ outcome }, measurementRows, sessions, adherenceRows] = await Promise.all([
    getPatientOutcome(db, scope, patient.id),
    fetchMeasurementSeries(db, scope, patient.id, since),
    fetchCompletedSessionTimes(db, scope, patient.id, since),
    fetchWeeklyAdherence(db, scope, patient.id, since),
  ]);

  // With the whole history loaded the first point is the baseline; a shorter range asks for it.
  let baselines = [] as Awaited<ReturnType<typeof fetchMeasurementBaselines>>;
  if (since) {
    baselines = await fetchMeasurementBaselines(db, scope, patient.id, measurementRows);
  }

  const sinceMs = since ? since.getTime() : null;
  const charts = [
    ...buildInstrumentCharts(outcome.instruments, { since: sinceMs }),
    ...buildMeasureCharts(measurementRows, baselines, patient.sex),
  ];

  const adherence = { t: [] as number[], percent: [] as number[] };
  for (const row of adherenceRows) {
    const percent = computeAdherencePercent(row.done, row.prescribed);
    if (percent === null) continue;
    adherence.t.push(Date.parse(`${row.week_start}T00:00:00Z`));
    adherence.percent.push(Math.round(percent));
  }

  const earliest = Math.min(now.getTime(), ...charts.flatMap((c) => c.series.map((s) => s.t[0] ?? Infinity)), sessions[0] ?? Infinity, adherence.t[0] ?? Infinity);
  return {
    range,
    rangeStart: sinceMs,
    xDomain: [sinceMs ?? earliest, now.getTime()],
    charts,
    sessions,
    adherence,
  };
}
