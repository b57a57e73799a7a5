import type { ProgressChartData } from "@/lib/progress/types";

/** One instant on a chart: the series values taken then, a session, a week's adherence. */
export type ChartRow = { t: number; session?: true; adherence?: number } & Record<string, number | true | undefined>;

/**
 * Merges a chart's series, the session markers and (pain only) weekly
 * adherence into rows keyed by time, the shape both the chart and its
 * table read, so the two always show the same data.
 */
export function mergeChartRows(chart: ProgressChartData, sessions: readonly number[], adherence: { t: readonly number[]; percent: readonly number[] }): ChartRow[] {
  const byTime = new Map<number, ChartRow>();
  const at = (t: number) => {
    let row = byTime.get(t);
    if (!row) {
      row = { t };
      byTime.set(t, row);
    }
    return row;
  };
  for (const s of chart.series) s.t.forEach((t, i) => (at(t)[s.key] = s.v[i]));
  for (const t of sessions) at(t).session = true;
  if (chart.showAdherence) adherence.t.forEach((t, i) => (at(t).adherence = adherence.percent[i]));
  return [...byTime.values()].sort((a, b) => a.t - b.t);
}

export const SERIES_COLORS = ["var(--chart-1)", "var(--chart-2)"];
