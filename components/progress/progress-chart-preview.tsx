"use client";

import type { CSSProperties } from "react";
import type { ProgressChartData } from "@/lib/progress/types";
import { SERIES_COLORS, type ChartRow } from "./chart-rows";
import { ADHERENCE_AXIS_WIDTH } from "./plot-geometry";
import { previewGeometry, SIZE, type Tick } from "./preview-geometry";

type Props = {
  chart: ProgressChartData;
  rows: ChartRow[];
  xDomain: [number, number];
  formatTick: (t: number) => string;
};

const round = (v: number) => Math.round(v * 100) / 100;

/** The time labels' bottom edge sits this far below the plot area, about where recharts puts them. */
const X_LABEL_OFFSET = 22;

/** The stroke stays its width in px however the 1000 x 1000 box is stretched. */
const crisp = { vectorEffect: "non-scaling-stroke" } as const;

/**
 * The chart drawn as one plain SVG from the same data and in the same box as
 * the recharts drawing, without recharts: lines, dots, the no-change band, the
 * reference, baselines, adherence, session markers and axis labels. It costs a
 * few milliseconds where recharts costs a long task per chart (hundreds of ms on
 * a phone), so every chart on the page is drawn at once; recharts, with its
 * tooltips, replaces a preview when the chart is pointed at, tapped or focused.
 */
export function ProgressChartPreview({ chart, rows, xDomain, formatTick }: Props) {
  const g = previewGeometry(chart, rows, xDomain);
  const { top, right, bottom, left } = g.insets;
  // An <svg> is a replaced element: insets alone do not stretch it, so it is given its size.
  const plot: CSSProperties = { top, left, width: `calc(100% - ${left + right}px)`, height: `calc(100% - ${top + bottom}px)` };
  // Labels sit on the plot area's edges: a fraction of its height or width, offset by the insets.
  const down = (t: Tick): CSSProperties => ({ top: `calc(${top}px + (100% - ${top + bottom}px) * ${t.at})` });
  const across = (t: Tick): CSSProperties => ({ left: `calc(${left}px + (100% - ${left + right}px) * ${t.at})` });
  return (
    <div className="relative h-full w-full text-xs text-muted-foreground" data-testid="chart-preview">
      {g.yTicks.map((t) => (
        <span key={t.value} className="absolute left-0 -translate-y-1/2 pr-2 text-right tabular-nums" style={{ ...down(t), width: left }}>
          {round(t.value)}
        </span>
      ))}
      {g.adherenceTicks?.map((t) => (
        <span key={t.value} className="absolute -translate-y-1/2 pl-1 tabular-nums" style={{ ...down(t), right: right - ADHERENCE_AXIS_WIDTH, width: ADHERENCE_AXIS_WIDTH }}>
          {t.value}%
        </span>
      ))}
      {g.xTicks.map((t, i) => (
        // Every other label gives way on a phone, where five would touch.
        <span key={t.value} className={`absolute -translate-x-1/2 whitespace-nowrap ${i % 2 ? "max-sm:hidden" : ""}`} style={{ ...across(t), bottom: bottom - X_LABEL_OFFSET }}>
          {formatTick(t.value)}
        </span>
      ))}
      <svg className="absolute overflow-hidden" style={plot} viewBox={`0 0 ${SIZE} ${SIZE}`} preserveAspectRatio="none" aria-hidden focusable="false">
        {g.yTicks.map((t) => (
          <line key={t.value} x1={0} x2={SIZE} y1={t.at * SIZE} y2={t.at * SIZE} stroke="var(--border)" style={crisp} />
        ))}
        {g.band && <rect className="progress-band" x={0} width={SIZE} y={g.band.y} height={g.band.height} fill="var(--chart-3)" fillOpacity={0.14} />}
        {g.reference && g.reference.height > 0 && (
          <rect className="progress-reference" x={0} width={SIZE} y={g.reference.y} height={g.reference.height} fill="var(--chart-5)" fillOpacity={0.12} stroke="var(--chart-5)" strokeDasharray="2 4" style={crisp} />
        )}
        {g.reference && g.reference.height === 0 && (
          <line className="progress-reference" x1={0} x2={SIZE} y1={g.reference.y} y2={g.reference.y} stroke="var(--chart-5)" strokeDasharray="2 4" style={crisp} />
        )}
        {g.baselines.map((b) => (
          <line key={b.key} className="progress-baseline" x1={0} x2={SIZE} y1={b.y} y2={b.y} stroke="var(--muted-foreground)" strokeDasharray="6 4" style={crisp} />
        ))}
        {g.adherence && <path d={g.adherence} fill="none" stroke="var(--chart-4)" strokeDasharray="4 3" style={crisp} />}
        {g.lines.map((l, i) => (
          <g key={l.key} className="progress-line" stroke={SERIES_COLORS[i % SERIES_COLORS.length]} fill="none" strokeLinejoin="round">
            <path d={l.d} strokeWidth={2} style={crisp} />
            {l.dots && (
              // Hollow, as recharts draws them: r 3 with the line's 2 px stroke.
              <>
                <path d={l.dots} strokeWidth={8} strokeLinecap="round" style={crisp} />
                <path d={l.dots} stroke="var(--background)" strokeWidth={4} strokeLinecap="round" style={crisp} />
              </>
            )}
          </g>
        ))}
      </svg>
      {g.sessions.map((t) => (
        // On the plot's top edge, half above it: outside the clipped plot, and round at any width.
        <span
          key={t.value}
          className="progress-session-marker absolute size-1.5 -translate-1/2 rounded-full bg-foreground ring-1 ring-background"
          style={{ top, ...across(t) }}
        />
      ))}
    </div>
  );
}
