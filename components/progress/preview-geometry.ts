import { ticks } from "d3-array";
import type { ProgressChartData } from "@/lib/progress/types";
import type { ChartRow } from "./chart-rows";
import { drawsDots, plotInsets } from "./plot-geometry";

/** The preview's plot area is drawn in a 1000 x 1000 box stretched over the real one. */
export const SIZE = 1000;

const DAY = 86_400_000;

export type Tick = { value: number; /** 0 at the left or top edge of the plot area, 1 at the right or bottom. */ at: number };

export type PreviewGeometry = {
  insets: ReturnType<typeof plotInsets>;
  yTicks: Tick[];
  /** Times (epoch ms) of the x labels, on whole days. */
  xTicks: Tick[];
  /** The adherence axis on the right, 0-100 %, when the chart draws adherence. */
  adherenceTicks: Tick[] | null;
  /** One path per series, in the order of chart.series. */
  lines: { key: string; d: string; dots: string | null }[];
  adherence: string | null;
  band: { y: number; height: number } | null;
  /** The reference range, or (height 0) its single limit. */
  reference: { y: number; height: number } | null;
  baselines: { key: string; y: number }[];
  /** Each decompression session, marked on the top edge. */
  sessions: Tick[];
};

const r1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Everything the light preview of a progress chart draws, worked out from the
 * chart's own data in the same terms recharts is given (the chart's y domain,
 * the page's shared time axis, 0-100 for adherence): lines, the no-change band,
 * the reference, baselines, session markers and tick labels. Pure, so the
 * drawing is tested without a browser.
 */
export function previewGeometry(chart: ProgressChartData, rows: readonly ChartRow[], xDomain: readonly [number, number]): PreviewGeometry {
  const [x0, x1] = xDomain;
  const [yMin, yMax] = chart.yDomain;
  const xSpan = x1 - x0 || 1;
  const ySpan = yMax - yMin || 1;
  const x = (t: number) => r1(((t - x0) / xSpan) * SIZE);
  const y = (v: number) => r1((1 - (v - yMin) / ySpan) * SIZE);
  const yPercent = (p: number) => r1((1 - p / 100) * SIZE);
  const hasAdherence = rows.some((r) => r.adherence !== undefined);
  const dots = drawsDots(chart);

  const lines = chart.series.map((s) => {
    const points = s.t.map((t, i) => `${x(t)} ${y(s.v[i]!)}`);
    return {
      key: s.key,
      d: points.length ? `M${points.join("L")}` : "",
      // Zero-length segments with round caps: dots that stay round when the box is stretched.
      dots: dots && points.length ? points.map((p) => `M${p}h0`).join("") : null,
    };
  });

  let adherence: string | null = null;
  if (hasAdherence) {
    const steps = rows.filter((r) => r.adherence !== undefined);
    // Step-after, as recharts draws it: each week's value holds until the next week's.
    adherence = steps.map((r, i) => (i === 0 ? `M${x(r.t)} ${yPercent(r.adherence!)}` : `H${x(r.t)}V${yPercent(r.adherence!)}`)).join("");
  }

  const area = (low: number, high: number) => {
    const top = y(Math.max(low, high));
    return { y: top, height: r1(y(Math.min(low, high)) - top) };
  };
  const ref = chart.reference;
  let reference: PreviewGeometry["reference"] = null;
  if (ref && ref.low !== null && ref.high !== null) reference = area(ref.low, ref.high);
  else if (ref && (ref.low ?? ref.high) !== null) reference = { y: y((ref.low ?? ref.high)!), height: 0 };

  const fraction = (v: number, lo: number, span: number) => (v - lo) / span;
  const firstDay = Math.ceil(x0 / DAY);
  const lastDay = Math.floor(x1 / DAY);
  const xTicks = lastDay >= firstDay ? ticks(firstDay, lastDay, 5).filter(Number.isInteger).map((d) => ({ value: d * DAY, at: fraction(d * DAY, x0, xSpan) })) : [];

  return {
    insets: plotInsets(hasAdherence),
    yTicks: ticks(yMin, yMax, 5).map((v) => ({ value: v, at: 1 - fraction(v, yMin, ySpan) })),
    xTicks,
    adherenceTicks: hasAdherence ? [0, 25, 50, 75, 100].map((p) => ({ value: p, at: 1 - p / 100 })) : null,
    lines,
    adherence,
    band: chart.band ? area(chart.band.low, chart.band.high) : null,
    reference,
    baselines: chart.baselines.map((b) => ({ key: b.seriesKey, y: y(b.value) })),
    sessions: rows.filter((r) => r.session).map((r) => ({ value: r.t, at: fraction(r.t, x0, xSpan) })),
  };
}
