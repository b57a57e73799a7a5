import { z } from "zod";
import { periodStart } from "@/lib/period-start";

/** The chart range selector's choices, kept in the URL (?range=6m) so the server reduces the right window. */
export const PROGRESS_RANGES = ["3m", "6m", "1y", "all"] as const;
export type ProgressRange = (typeof PROGRESS_RANGES)[number];

// "all" by default: the question a chart answers is "how far from baseline", and most courses of care fit in it.
export const DEFAULT_PROGRESS_RANGE: ProgressRange = "all";

export const PROGRESS_RANGE_LABELS: Record<ProgressRange, string> = {
  "3m": "3 months",
  "6m": "6 months",
  "1y": "1 year",
  all: "All",
};

/** Anything unknown in the URL falls back to the default rather than failing the page. */
export const progressRangeSchema = z.enum(PROGRESS_RANGES).catch(DEFAULT_PROGRESS_RANGE);

export function parseProgressRange(value: unknown): ProgressRange {
  return progressRangeSchema.parse(Array.isArray(value) ? value[0] : value);
}

/** The first instant shown for a range; null for "all". */
export function getRangeStart(range: ProgressRange, now: Date): Date | null {
  return range === "all" ? null : periodStart(range, now);
}
