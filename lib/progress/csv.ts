import type { Queryable } from "@/db/client";
import type { Scope } from "@/lib/auth/scope-types";
import { getMeasure } from "@/lib/clinical/measures";
import { formatCsvLocalTime, writeCsv } from "@/lib/csv/write-csv";
import { getPatientOutcome } from "@/lib/outcomes/patient";
import { fetchMeasurementPoints } from "./queries";
import { getRangeStart, type ProgressRange } from "./range";
import type { SeriesId } from "./series-id";

/**
 * One chart's data at full resolution (never reduced) as CSV, for the range
 * shown. Text cells that a spreadsheet would run as a formula are escaped.
 */
export async function buildSeriesCsv(
  db: Queryable,
  scope: Scope,
  patientId: string,
  series: SeriesId,
  range: ProgressRange,
  timeZone: string,
  now = new Date(),
): Promise<string> {
  const since = getRangeStart(range, now);
  const sinceMs = since?.getTime() ?? -Infinity;
  let rows: Record<string, string | number | null>[];
  if (series.kind === "measure") {
    const measure = getMeasure(series.code);
    const points = await fetchMeasurementPoints(db, scope, patientId, since, series.code);
    rows = points.map((p) => ({
      taken_at_utc: new Date(p.t).toISOString(),
      clinic_time: formatCsvLocalTime(p.t, timeZone),
      measure: measure?.label ?? p.code,
      code: p.code,
      side: p.side,
      value: p.value,
      unit: p.unit,
      method: p.method ?? "",
    }));
  } else {
    // The outcome model's series: each score against its own version's baseline, with the verdict and rule
    const instrument = series.kind === "pain" ? "nprs" : series.instrument;
    const { outcome } = await getPatientOutcome(db, scope, patientId);
    const versions = outcome.instruments.find((o) => o.instrument === instrument)?.series ?? [];
    const steps = versions.flatMap((v) => v.steps.map((step) => ({ ...step, baseline: v.baseline.score })));
    rows = steps
      .filter(({ point }) => point.takenAt >= sinceMs)
      .sort((a, b) => a.point.takenAt - b.point.takenAt)
      .map(({ point: p, change, baseline }) => ({
        taken_at_utc: new Date(p.takenAt).toISOString(),
        clinic_time: formatCsvLocalTime(p.takenAt, timeZone),
        instrument: p.instrument,
        version: p.version,
        score: p.score,
        ...(series.kind === "pain" ? { worst_24h: p.worst } : {}),
        unit: p.unit,
        direction: p.direction,
        version_baseline: baseline,
        change_from_version_baseline: change ? change.delta : "",
        verdict: change ? change.kind : "baseline",
        rule: change ? `${change.rule.label}: ${change.rule.threshold} (${change.rule.source})` : "",
      }));
  }
  const fields =
    series.kind === "measure"
      ? ["taken_at_utc", "clinic_time", "measure", "code", "side", "value", "unit", "method"]
      : [
          "taken_at_utc", "clinic_time", "instrument", "version", "score", ...(series.kind === "pain" ? ["worst_24h"] : []),
          "unit", "direction", "version_baseline", "change_from_version_baseline", "verdict", "rule",
        ];
  return writeCsv(fields, rows);
}
