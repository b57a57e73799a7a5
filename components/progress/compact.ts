import type { ProgressChartData } from "@/lib/progress/types";

/**
 * The chart props crossing from server to browser, made small: times as
 * whole minutes after a base instant instead of 13-digit epoch milliseconds,
 * values to two decimals (what the chart and table show). A reduced series
 * of 300 points then costs a few kilobytes of page payload, not tens.
 */
const MINUTE = 60_000;

export function encodeTimes(t: readonly number[], base: number): number[] {
  return t.map((x) => Math.round((x - base) / MINUTE));
}

export function decodeTimes(m: readonly number[], base: number): number[] {
  return m.map((x) => base + x * MINUTE);
}

const round2 = (v: number) => Math.round(v * 100) / 100;

export function compactChart(chart: ProgressChartData, base: number): ProgressChartData {
  return { ...chart, series: chart.series.map((s) => ({ ...s, t: encodeTimes(s.t, base), v: s.v.map(round2) })) };
}

export function expandChart(chart: ProgressChartData, base: number): ProgressChartData {
  return { ...chart, series: chart.series.map((s) => ({ ...s, t: decodeTimes(s.t, base) })) };
}
