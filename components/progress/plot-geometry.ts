import type { ProgressChartData } from "@/lib/progress/types";

/**
 * Where the plot area sits inside a progress chart's 256 px box, shared by the
 * recharts drawing and the light preview drawn before it, so the two line up
 * and nothing moves when one replaces the other.
 */
export const Y_AXIS_WIDTH = 40;
export const ADHERENCE_AXIS_WIDTH = 36;
/** recharts' default XAxis height. */
export const X_AXIS_HEIGHT = 30;

export function plotMargin(hasAdherence: boolean) {
  return { top: 12, right: hasAdherence ? 4 : 16, bottom: 4, left: 0 };
}

/** The plot area's insets from the chart box's edges, in px. */
export function plotInsets(hasAdherence: boolean) {
  const m = plotMargin(hasAdherence);
  return {
    top: m.top,
    right: m.right + (hasAdherence ? ADHERENCE_AXIS_WIDTH : 0),
    bottom: m.bottom + X_AXIS_HEIGHT,
    left: m.left + Y_AXIS_WIDTH,
  };
}

/** A series shows a dot at each value while every series has at most this many points. */
export const DOT_LIMIT = 60;

export function drawsDots(chart: Pick<ProgressChartData, "series">): boolean {
  return chart.series.every((s) => s.t.length <= DOT_LIMIT);
}
