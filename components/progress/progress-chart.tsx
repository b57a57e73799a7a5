"use client";

import { startTransition, useEffect, useMemo, useRef, useState } from "react";
import { Download, Info, LineChart, Table as TableIcon } from "@/components/ui/icons";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { ProgressChartData } from "@/lib/progress/types";
import { mergeChartRows, SERIES_COLORS } from "./chart-rows";
import { decodeTimes, expandChart } from "./compact";
import { ProgressChartPreview } from "./progress-chart-preview";
import { ProgressTable } from "./progress-table";

// recharts (about 130 kB gzip) is not part of the page. Every chart is first drawn as a light
// SVG preview from the same data (progress-chart-preview.tsx); recharts is fetched when a chart
// is first pointed at, tapped or focused, and then replaces that chart's preview, adding its
// tooltips. Drawing each chart with recharts costs a long task it cannot split (hundreds of ms
// on a phone), which blocked a page of a dozen charts for a second or more after load.
type Plot = typeof import("./progress-chart-plot").ProgressChartPlot;
let Plot: Plot | null = null;
let plotLoading: Promise<void> | null = null;

function loadPlot(): Promise<void> {
  plotLoading ??= import("./progress-chart-plot").then(
    (m) => {
      Plot = m.ProgressChartPlot;
    },
    () => {
      // Offline or a failed chunk: the preview stays, and the next touch tries again.
      plotLoading = null;
    },
  );
  return plotLoading;
}

/**
 * False on the server and while hydrating, true soon after: the preview is drawn in the browser
 * only, keeping the page's HTML small. The switch is a transition, so React draws a page of
 * previews in slices between input and paint rather than in one long task after hydration.
 */
function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => startTransition(() => setHydrated(true)), []);
  return hydrated;
}

function ChartSkeleton() {
  return <Skeleton className="h-64 w-full" data-testid="chart-skeleton" />;
}

/** Swaps the preview for recharts on first interaction; keyboard focus moves to the recharts drawing, which reads out values with the arrow keys. */
function useInteractiveChart() {
  const slot = useRef<HTMLDivElement>(null);
  const [live, setLive] = useState(false);
  const focusWhenLive = useRef(false);
  const goLive = (focus: boolean) => {
    if (live) return;
    focusWhenLive.current ||= focus;
    void loadPlot().then(() => {
      if (Plot) setLive(true);
    });
  };
  useEffect(() => {
    if (!live || !focusWhenLive.current) return;
    focusWhenLive.current = false;
    // recharts draws its surface a frame or two after mounting, once its store has the chart's size.
    let frame = 0;
    let tries = 0;
    const focusSurface = () => {
      // Not if the user has moved on while recharts was loading.
      const active = document.activeElement;
      if (active && active !== document.body && !slot.current?.contains(active)) return;
      const surface = slot.current?.querySelector<SVGSVGElement>("svg.recharts-surface");
      if (surface) surface.focus();
      else if (++tries < 30) frame = requestAnimationFrame(focusSurface);
    };
    focusSurface();
    return () => cancelAnimationFrame(frame);
  }, [live]);
  return { slot, live, goLive };
}

type Props = {
  /** Compact form (compact.ts): times in minutes after xDomain[0]. */
  chart: ProgressChartData;
  sessions: number[];
  adherence: { t: number[]; percent: number[] };
  xDomain: [number, number];
  timeZone: string;
  csvHref: string;
};

const CHANGE_BADGES = {
  improvement: { variant: "success", label: "Meaningful improvement" },
  deterioration: { variant: "destructive", label: "Meaningful deterioration" },
  "no-meaningful-change": { variant: "secondary", label: "No meaningful change" },
} as const;

function Swatch({ color, dashed = false, area = false }: { color: string; dashed?: boolean; area?: boolean }) {
  if (area) return <span aria-hidden className="inline-block size-3 rounded-[2px] opacity-40" style={{ backgroundColor: color }} />;
  return <span aria-hidden className="inline-block h-0 w-4 border-t-2" style={{ borderColor: color, borderStyle: dashed ? "dashed" : "solid" }} />;
}

/**
 * One progress chart with its legend and notes. The drawing is made in the
 * browser only (the server sends the reduced data, not thousands of SVG
 * nodes): a light preview at once, recharts on first interaction; "View as
 * table" swaps it for the same rows as a table.
 */
export function ProgressChart({ chart: compact, sessions: compactSessions, adherence: compactAdherence, xDomain, timeZone, csvHref }: Props) {
  const [view, setView] = useState<"chart" | "table">("chart");
  const hydrated = useHydrated();
  const { slot, live, goLive } = useInteractiveChart();
  const base = xDomain[0];
  const chart = useMemo(() => expandChart(compact, base), [compact, base]);
  const rows = useMemo(
    () => mergeChartRows(chart, decodeTimes(compactSessions, base), { t: decodeTimes(compactAdherence.t, base), percent: compactAdherence.percent }),
    [chart, compactSessions, compactAdherence, base],
  );
  const { formatDate, formatTick } = useMemo(() => {
    const full = new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric" });
    // Day and month while the axis spans under about ten months; month and year beyond, when days would repeat.
    const longAxis = xDomain[1] - xDomain[0] > 300 * 86_400_000;
    const tick = new Intl.DateTimeFormat("en-GB", longAxis ? { timeZone, month: "short", year: "2-digit" } : { timeZone, day: "numeric", month: "short" });
    return { formatDate: (t: number) => full.format(t), formatTick: (t: number) => tick.format(t) };
  }, [timeZone, xDomain]);
  const headingId = `chart-${chart.id}-title`;
  const reduced = chart.series.filter((s) => s.reduced);
  const sessionCount = rows.filter((r) => r.session).length;
  const badge = chart.change && chart.change.kind !== "unclassified" ? CHANGE_BADGES[chart.change.kind] : null;

  return (
    <Card id={`chart-${chart.id}`} aria-labelledby={headingId} data-testid="progress-chart" role="region">
      <CardHeader>
        <CardTitle asChild>
          <h2 id={headingId}>{chart.title}</h2>
        </CardTitle>
        <CardDescription className="flex flex-wrap items-center gap-2">
          {chart.change ? <span>{chart.change.text}</span> : <span>One value so far: the trend starts at the next one.</span>}
          {badge && <Badge variant={badge.variant}>{badge.label}</Badge>}
        </CardDescription>
        <CardAction className="flex flex-wrap gap-2" data-print-hide>
          <Button variant="outline" size="sm" onClick={() => setView(view === "chart" ? "table" : "chart")} aria-pressed={view === "table"}>
            {view === "chart" ? <TableIcon aria-hidden /> : <LineChart aria-hidden />}
            {view === "chart" ? "View as table" : "View as chart"}
          </Button>
          <Button variant="outline" size="sm" asChild>
            <a href={csvHref} download>
              <Download aria-hidden />
              Download CSV
            </a>
          </Button>
        </CardAction>
      </CardHeader>
      <CardContent className="grid gap-3">
        {view === "table" ? (
          <ProgressTable chart={chart} rows={rows} formatDate={formatDate} />
        ) : (
          // The slot has the drawing's height from the first paint, so nothing moves when it arrives.
          <div
            ref={slot}
            className="h-64 w-full rounded-sm outline-none focus-visible:ring-2 focus-visible:ring-ring"
            // A mouse or pen resting on the chart, a tap (not a finger scrolling past it), or keyboard focus.
            onPointerEnter={(e) => e.pointerType !== "touch" && goLive(false)}
            onClick={() => goLive(false)}
            onFocus={() => goLive(true)}
            {...(!live && { tabIndex: 0, role: "img", "aria-label": `${chart.title} over time; focus or point at it to read each value` })}
          >
            {live && Plot ? (
              <Plot chart={chart} rows={rows} xDomain={xDomain} formatDate={formatDate} formatTick={formatTick} />
            ) : hydrated ? (
              <ProgressChartPreview chart={chart} rows={rows} xDomain={xDomain} formatTick={formatTick} />
            ) : (
              <ChartSkeleton />
            )}
          </div>
        )}
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground" aria-label="Legend">
          {chart.series.map((s, i) => (
            <li key={s.key} className="flex items-center gap-1.5">
              <Swatch color={SERIES_COLORS[i % SERIES_COLORS.length]!} />
              {s.label}
            </li>
          ))}
          {chart.baselines.map((b) => (
            <li key={`baseline-${b.seriesKey}`} className="flex items-center gap-1.5">
              <Swatch color="var(--muted-foreground)" dashed />
              {b.label}: {Math.round(b.value * 100) / 100} {chart.unit} ({formatDate(b.at)})
            </li>
          ))}
          {chart.band && (
            <li className="flex items-center gap-1.5">
              <Swatch color="var(--chart-3)" area />
              Less than {chart.band.threshold} from baseline (here {Math.round(chart.band.halfWidth * 100) / 100}{" "}
              {chart.unit === "%" ? "percentage points" : chart.unit}): no meaningful change
            </li>
          )}
          {chart.reference && (
            <li className="flex items-center gap-1.5">
              <Swatch color="var(--chart-5)" area={chart.reference.low !== null && chart.reference.high !== null} dashed />
              Reference: {chart.reference.text}
              <Tooltip>
                <TooltipTrigger asChild>
                  <button type="button" className="inline-flex rounded-sm text-muted-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none" aria-label={`Source of the reference: ${chart.reference.source}`}>
                    <Info className="size-3.5" aria-hidden />
                  </button>
                </TooltipTrigger>
                <TooltipContent>Source: {chart.reference.source}</TooltipContent>
              </Tooltip>
            </li>
          )}
          {sessionCount > 0 && (
            <li className="flex items-center gap-1.5">
              <span aria-hidden className="inline-block size-2 rounded-full bg-foreground" />
              Decompression sessions ({sessionCount})
            </li>
          )}
          {chart.showAdherence && rows.some((r) => r.adherence !== undefined) && (
            <li className="flex items-center gap-1.5">
              <Swatch color="var(--chart-4)" dashed />
              Weekly home-programme adherence (right axis, %)
            </li>
          )}
        </ul>
        <div className="grid gap-1 text-xs text-muted-foreground">
          {chart.band && <p>{chart.band.description}.</p>}
          {!chart.band && chart.bandNote && <p>{chart.bandNote}</p>}
          {reduced.map((s) => (
            <p key={s.key} data-testid="reduced-note">
              {chart.series.length > 1 ? `${s.label}: ` : ""}reduced from {s.originalCount.toLocaleString("en-GB")} points to {s.t.length} for display (largest-triangle-three-buckets, extremes kept). The CSV has every point.
            </p>
          ))}
          {chart.notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </div>
      </CardContent>
    </Card>
  );
}
