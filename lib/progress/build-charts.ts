import { formatScoreNumber } from "@/lib/clinical/instruments/rounding";
import { MEASURES, type MeasureDefinition } from "@/lib/clinical/measures";
import { reduceSeries, type SeriesPoint } from "@/lib/clinical/series-reduce";
import type { Sex } from "@/db/schema";
import { computeChangeBand } from "./band";
import type { InstrumentHistoryPoint } from "@/lib/outcomes/history";
import type { InstrumentOutcome } from "@/lib/outcomes/model";
import type { MeasurementSeriesRow } from "./queries";
import { selectReference } from "./reference";
import type { ChartSeries, ProgressChartData } from "./types";

// At most about 300 points per series on screen (the issue's cap; LTTB keeps the shape, first, last and extremes).
export const SERIES_POINT_CAP = 300;

const SIDE_LABELS: Record<string, string> = { left: "Left", right: "Right", bilateral: "Both sides", na: "Value" };
const SIDE_ORDER = ["left", "right", "bilateral", "na"];

function toSeries(key: string, label: string, points: SeriesPoint[]): ChartSeries {
  const { points: kept, reduced, originalCount } = reduceSeries(points, SERIES_POINT_CAP);
  return { key, label, t: kept.map((p) => p.t), v: kept.map((p) => p.v), originalCount, reduced };
}

function roundForDisplay(value: number): number {
  return Math.round(value * 10) / 10;
}

function formatDelta(delta: number): string {
  const rounded = roundForDisplay(delta);
  return `${rounded > 0 ? "+" : ""}${rounded}`;
}

/**
 * A value axis covering the data, the baselines and the reference, kept
 * inside the measure's plausible range. The padding is at least a tenth of
 * that range, so a change of a degree or two does not fill the chart and
 * look bigger than it is.
 */
function fitDomain(values: number[], bounds: { min: number; max: number }): [number, number] {
  if (values.length === 0) return [bounds.min, bounds.max];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max((hi - lo) * 0.15, (bounds.max - bounds.min) * 0.1);
  return [Math.max(bounds.min, Math.floor(lo - pad)), Math.min(bounds.max, Math.ceil(hi + pad))];
}

type InstrumentContext = { since: number | null };

const CHANGE_TEXT = { improvement: "improvement", deterioration: "deterioration", "no-meaningful-change": "no meaningful change" } as const;

/**
 * One chart per instrument from the outcome model: one line per version
 * (each with its own baseline), the band and verdict of the version scored
 * last, and a note when several versions were used. Nothing compares two
 * versions.
 */
function buildInstrumentChart(outcome: InstrumentOutcome, ctx: InstrumentContext): ProgressChartData {
  const { instrument, current } = outcome;
  const since = ctx.since;
  const inRange = (points: readonly InstrumentHistoryPoint[]) => (since === null ? points : points.filter((p) => p.takenAt >= since));
  const isPain = instrument === "nprs";
  const several = outcome.series.length > 1;
  const series = outcome.series.map((v) =>
    toSeries(
      several ? `v-${v.version}` : isPain ? "current" : "score",
      several ? v.label : isPain ? "Pain now" : "Score",
      inRange(v.points).map((p) => ({ t: p.takenAt, v: p.score })),
    ),
  );
  if (isPain) {
    const worst = inRange(current.points).filter((p) => p.worst !== null).map((p) => ({ t: p.takenAt, v: p.worst! }));
    if (worst.length > 0) series.push(toSeries("worst", "Worst in 24 h", worst));
  }
  const band = computeChangeBand(current.rule, current.baseline.score, { min: current.scaleMin, max: current.scaleMax });
  const unit = current.unit === "percent" ? "%" : "points";
  const change = current.change;
  return {
    id: isPain ? "pain" : instrument,
    title: isPain ? "Pain (NPRS 0-10)" : `${outcome.label} (${instrument.toUpperCase()})`,
    unit,
    direction: current.direction,
    series,
    baselines: outcome.series.map((v, i) => ({
      seriesKey: series[i]!.key,
      label: several ? `Baseline, ${v.label}` : "Baseline",
      value: v.baseline.score,
      at: v.baseline.takenAt,
    })),
    band,
    bandNote: band ? null : "The clinic's meaningful-change rule cannot be drawn for this baseline.",
    reference: null,
    change: change
      ? {
          text:
            `${several ? `${current.label}: ` : ""}${formatScoreNumber(current.baseline.score)} → ${formatScoreNumber(current.latest.score)} ${unit} ` +
            `(${formatDelta(change.delta)}): ${CHANGE_TEXT[change.kind]} (${change.rule.label}: ${change.rule.threshold})`,
          kind: change.kind,
        }
      : null,
    yDomain: [Math.min(...outcome.series.map((v) => v.scaleMin)), Math.max(...outcome.series.map((v) => v.scaleMax))],
    notes: outcome.versionNote ? [outcome.versionNote] : [],
    showAdherence: isPain,
  };
}

/** Pain first, then each questionnaire used, in INSTRUMENT_IDS order (the outcome model's). */
export function buildInstrumentCharts(outcomes: readonly InstrumentOutcome[], ctx: InstrumentContext): ProgressChartData[] {
  return outcomes.map((o) => buildInstrumentChart(o, ctx)).filter((chart) => chart.series.some((s) => s.t.length > 0));
}

type Baseline = { code: string; side: string; value: number; t: number };

function directionOf(measure: MeasureDefinition): ProgressChartData["direction"] {
  if (measure.worse === "higher") return "higher-is-worse";
  if (measure.worse === "lower") return "higher-is-better";
  return "none";
}

function buildMeasureChart(measure: MeasureDefinition, rows: MeasurementSeriesRow[], baselines: Baseline[], sex: Sex): ProgressChartData {
  const sided = [...rows].sort((a, b) => SIDE_ORDER.indexOf(a.side) - SIDE_ORDER.indexOf(b.side));
  const many = sided.length > 1;
  const sideLabel = (side: string) => SIDE_LABELS[side] ?? side;
  const series = sided.map((r) => toSeries(r.side, sideLabel(r.side), r.t.map((t, i) => ({ t, v: r.v[i]! }))));
  const chartBaselines = sided.map((r) => {
    const b = baselines.find((x) => x.side === r.side);
    return { seriesKey: r.side, label: many ? `Baseline, ${sideLabel(r.side).toLowerCase()}` : "Baseline", value: b?.value ?? r.v[0]!, at: b?.t ?? r.t[0]! };
  });
  const latest = sided.reduce<MeasurementSeriesRow | null>((acc, r) => (acc === null || r.t.at(-1)! > acc.t.at(-1)! ? r : acc), null);
  const reference = selectReference(measure, latest?.latest_method ?? null, sex);
  const changes = sided.flatMap((r, i) => {
    const baseline = chartBaselines[i]!;
    const lastAt = r.t.at(-1)!;
    const lastValue = r.v.at(-1)!;
    if (lastAt === baseline.at) return [];
    const prefix = many ? `${sideLabel(r.side)}: ` : "";
    return [`${prefix}${roundForDisplay(baseline.value)} → ${roundForDisplay(lastValue)} ${measure.unit} (${formatDelta(lastValue - baseline.value)})`];
  });
  const methods = [...new Set(sided.flatMap((r) => r.methods))];
  const methodLabels = methods.map((id) => measure.methods.find((m) => m.id === id)?.label ?? id);
  const notes = [
    ...(methodLabels.length > 1 ? [`Methods used: ${methodLabels.join(", ")}. Values from different methods are not strictly comparable.`] : []),
    ...(measure.note ? [measure.note] : []),
  ];
  const domainValues = [
    ...series.flatMap((x) => x.v),
    ...chartBaselines.map((b) => b.value),
    ...(reference?.low != null ? [reference.low] : []),
    ...(reference?.high != null ? [reference.high] : []),
  ];
  return {
    id: measure.code,
    title: measure.label,
    unit: measure.unit,
    direction: directionOf(measure),
    series,
    baselines: chartBaselines,
    band: null,
    bandNote: "No meaningful-change threshold for this measure in the clinical reference: read the change against the baseline.",
    reference,
    change: changes.length > 0 ? { text: changes.join("; "), kind: "unclassified" } : null,
    yDomain: fitDomain(domainValues, measure),
    notes,
    showAdherence: false,
  };
}

/** One chart per measure recorded in the range (catalogue order), left and right as two series. */
export function buildMeasureCharts(rows: readonly MeasurementSeriesRow[], baselines: readonly Baseline[], sex: Sex): ProgressChartData[] {
  const byCode = new Map<string, MeasurementSeriesRow[]>();
  for (const row of rows) {
    const list = byCode.get(row.code) ?? [];
    list.push(row);
    byCode.set(row.code, list);
  }
  return MEASURES.filter((m) => byCode.has(m.code)).map((m) =>
    buildMeasureChart(m, byCode.get(m.code)!, baselines.filter((b) => b.code === m.code), sex),
  );
}
