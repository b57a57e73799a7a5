"use client";

import { CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceDot, ReferenceLine, XAxis, YAxis } from "recharts";
import type { TooltipPayloadEntry } from "recharts";
import { ChartContainer, ChartTooltip, type ChartConfig } from "@/components/ui/chart";
import type { ProgressChartData } from "@/lib/progress/types";
import { SERIES_COLORS, type ChartRow } from "./chart-rows";
import { ADHERENCE_AXIS_WIDTH, drawsDots, plotMargin, Y_AXIS_WIDTH } from "./plot-geometry";

type Props = {
  chart: ProgressChartData;
  rows: ChartRow[];
  xDomain: [number, number];
  formatDate: (t: number) => string;
  formatTick: (t: number) => string;
};

function PointTooltip({ active, payload, label, unit, formatDate }: { active?: boolean; payload?: ReadonlyArray<TooltipPayloadEntry>; label?: unknown; unit: string; formatDate: (t: number) => string }) {
  const items = (payload ?? []).filter((p) => typeof p.value === "number");
  if (!active || items.length === 0 || typeof label !== "number") return null;
  return (
    <div className="grid min-w-32 gap-1 rounded-lg border bg-popover px-2.5 py-1.5 text-xs text-popover-foreground shadow-xl">
      <div className="font-medium">{formatDate(label)}</div>
      {items.map((item) => (
        <div key={String(item.dataKey)} className="flex justify-between gap-4">
          <span className="text-muted-foreground">{item.name}</span>
          <span className="font-mono tabular-nums">
            {Math.round(Number(item.value) * 100) / 100} {item.dataKey === "adherence" ? "%" : unit}
          </span>
        </div>
      ))}
    </div>
  );
}

/** The recharts drawing of one progress chart: band, reference, baselines, series, sessions, adherence. */
export function ProgressChartPlot({ chart, rows, xDomain, formatDate, formatTick }: Props) {
  const config: ChartConfig = Object.fromEntries(chart.series.map((s, i) => [s.key, { label: s.label, color: SERIES_COLORS[i % SERIES_COLORS.length] }]));
  const [yMin, yMax] = chart.yDomain;
  const reference = chart.reference;
  const sessions = rows.filter((r) => r.session);
  const hasAdherence = rows.some((r) => r.adherence !== undefined);
  const fewPoints = drawsDots(chart);
  return (
    <ChartContainer config={config} className="aspect-auto h-64 w-full" initialDimension={{ width: 640, height: 256 }}>
      <ComposedChart data={rows} margin={plotMargin(hasAdherence)} title={`${chart.title} over time`} desc={chart.change?.text ?? "Values over time"}>
        <CartesianGrid vertical={false} />
        <XAxis dataKey="t" type="number" scale="time" domain={xDomain} tickFormatter={formatTick} minTickGap={24} allowDataOverflow />
        <YAxis domain={[yMin, yMax]} width={Y_AXIS_WIDTH} allowDataOverflow />
        {hasAdherence && <YAxis yAxisId="adherence" orientation="right" domain={[0, 100]} width={ADHERENCE_AXIS_WIDTH} unit="%" />}
        {chart.band && (
          <ReferenceArea y1={chart.band.low} y2={chart.band.high} className="progress-band" fill="var(--chart-3)" fillOpacity={0.14} stroke="none" ifOverflow="hidden" />
        )}
        {reference && reference.low !== null && reference.high !== null && (
          <ReferenceArea y1={reference.low} y2={reference.high} className="progress-reference" fill="var(--chart-5)" fillOpacity={0.12} stroke="var(--chart-5)" strokeDasharray="2 4" ifOverflow="hidden" />
        )}
        {reference && (reference.low === null) !== (reference.high === null) && (
          <ReferenceLine y={(reference.low ?? reference.high)!} className="progress-reference" stroke="var(--chart-5)" strokeDasharray="2 4" ifOverflow="hidden" />
        )}
        {chart.baselines.map((b) => (
          <ReferenceLine key={b.seriesKey} y={b.value} className="progress-baseline" stroke="var(--muted-foreground)" strokeDasharray="6 4" ifOverflow="hidden" />
        ))}
        {hasAdherence && (
          <Line yAxisId="adherence" dataKey="adherence" name="Weekly adherence" type="stepAfter" stroke="var(--chart-4)" strokeDasharray="4 3" dot={false} connectNulls isAnimationActive={false} />
        )}
        {chart.series.map((s) => (
          <Line key={s.key} dataKey={s.key} name={s.label} type="linear" stroke={`var(--color-${s.key})`} strokeWidth={2} dot={fewPoints ? { r: 3 } : false} connectNulls isAnimationActive={false} />
        ))}
        {sessions.map((r) => (
          <ReferenceDot key={r.t} x={r.t} y={yMax} r={3} className="progress-session-marker" fill="var(--foreground)" stroke="var(--background)" ifOverflow="visible" />
        ))}
        <ChartTooltip content={<PointTooltip unit={chart.unit} formatDate={formatDate} />} />
      </ComposedChart>
    </ChartContainer>
  );
}
