import { describe, expect, it } from "vitest";
import { mergeChartRows } from "@/components/progress/chart-rows";
import { DOT_LIMIT, plotInsets } from "@/components/progress/plot-geometry";
import { previewGeometry, SIZE } from "@/components/progress/preview-geometry";
import type { ProgressChartData } from "@/lib/progress/types";

const DAY = 86_400_000;
const x0 = Date.UTC(2026, 0, 1);
const x1 = x0 + 100 * DAY;

function painChart(overrides: Partial<ProgressChartData> = {}): ProgressChartData {
  return {
    id: "pain",
    title: "Pain (NPRS 0-10)",
    unit: "points",
    direction: "higher-is-worse",
    series: [{ key: "now", label: "Pain now", t: [x0, x0 + 50 * DAY, x1], v: [10, 6, 0], originalCount: 3, reduced: false }],
    baselines: [{ seriesKey: "now", label: "Baseline", value: 6, at: x0 }],
    band: { low: 4, high: 8, halfWidth: 2, threshold: "2 points", description: "Flat rule" },
    bandNote: null,
    reference: null,
    change: null,
    yDomain: [0, 10],
    notes: [],
    showAdherence: true,
    ...overrides,
  };
}

describe("progress chart preview geometry", () => {
  it("maps values onto the chart's y domain and times onto the page's shared axis", () => {
    const chart = painChart();
    const g = previewGeometry(chart, mergeChartRows(chart, [], { t: [], percent: [] }), [x0, x1]);
    // 10 points at the start is the top-left corner, 0 at the end the bottom-right; 6 halfway across at 40 % down.
    expect(g.lines).toEqual([{ key: "now", d: "M0 0L500 400L1000 1000", dots: "M0 0h0M500 400h0M1000 1000h0" }]);
    expect(g.band).toEqual({ y: 200, height: 400 });
    expect(g.baselines).toEqual([{ key: "now", y: 400 }]);
    expect(g.yTicks.map((t) => t.value)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(g.yTicks.find((t) => t.value === 8)?.at).toBeCloseTo(0.2);
    expect(g.adherence).toBeNull();
    expect(g.adherenceTicks).toBeNull();
    expect(g.insets).toEqual(plotInsets(false));
  });

  it("labels the time axis on whole days inside the range", () => {
    const chart = painChart();
    const g = previewGeometry(chart, [], [x0 + 3_600_000, x1]);
    expect(g.xTicks.length).toBeGreaterThanOrEqual(3);
    for (const t of g.xTicks) {
      expect(t.value % DAY).toBe(0);
      expect(t.value).toBeGreaterThanOrEqual(x0 + 3_600_000);
      expect(t.value).toBeLessThanOrEqual(x1);
      expect(t.at).toBeCloseTo((t.value - x0 - 3_600_000) / (x1 - x0 - 3_600_000));
    }
  });

  it("draws weekly adherence as steps on its own 0-100 % axis, and sessions on the top edge", () => {
    const chart = painChart();
    const rows = mergeChartRows(chart, [x0 + 25 * DAY], { t: [x0, x0 + 7 * DAY, x0 + 14 * DAY], percent: [100, 50, 0] });
    const g = previewGeometry(chart, rows, [x0, x1]);
    expect(g.adherence).toBe("M0 0H70V500H140V1000");
    expect(g.adherenceTicks?.map((t) => [t.value, t.at])).toEqual([[0, 1], [25, 0.75], [50, 0.5], [75, 0.25], [100, 0]]);
    expect(g.sessions).toEqual([{ value: x0 + 25 * DAY, at: 0.25 }]);
    // The right-hand axis takes room from the plot, as it does in recharts.
    expect(g.insets).toEqual(plotInsets(true));
    expect(g.insets.right).toBeGreaterThan(plotInsets(false).right);
  });

  it("leaves out dots on long series, as the recharts drawing does", () => {
    const t = Array.from({ length: DOT_LIMIT + 1 }, (_, i) => x0 + i * DAY);
    const chart = painChart({ series: [{ key: "now", label: "Pain now", t, v: t.map(() => 5), originalCount: t.length, reduced: false }] });
    expect(previewGeometry(chart, [], [x0, x1]).lines[0]?.dots).toBeNull();
  });

  it("draws a reference range as an area and a single limit as a line", () => {
    const range = previewGeometry(painChart({ reference: { low: 2, high: 5, text: "2-5", source: "A study" } }), [], [x0, x1]);
    expect(range.reference).toEqual({ y: 500, height: 300 });
    const floor = previewGeometry(painChart({ reference: { low: 3, high: null, text: "at least 3", source: "A study" } }), [], [x0, x1]);
    expect(floor.reference).toEqual({ y: 700, height: 0 });
    expect(previewGeometry(painChart(), [], [x0, x1]).reference).toBeNull();
  });

  it("does not divide by zero on a single instant or a flat domain", () => {
    const chart = painChart({ yDomain: [5, 5], series: [{ key: "now", label: "Pain now", t: [x0], v: [5], originalCount: 1, reduced: false }] });
    const g = previewGeometry(chart, [], [x0, x0]);
    expect(g.lines[0]?.d).toBe(`M0 ${SIZE}`);
    expect(g.lines[0]?.d).not.toMatch(/NaN|Infinity/);
  });
});
