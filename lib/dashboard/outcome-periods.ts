import { z } from "zod";
import { periodStart } from "@/lib/period-start";

/** Periods the clinic-outcomes panel can cover, by when the course or programme was completed. */
export const OUTCOME_PERIODS = ["3m", "6m", "1y", "2y"] as const;
export type OutcomePeriod = (typeof OUTCOME_PERIODS)[number];
export const DEFAULT_OUTCOME_PERIOD: OutcomePeriod = "1y";

export const OUTCOME_PERIOD_LABELS: Record<OutcomePeriod, string> = {
  "3m": "Last 3 months",
  "6m": "Last 6 months",
  "1y": "Last 12 months",
  "2y": "Last 2 years",
};

export const outcomePeriodSchema = z.enum(OUTCOME_PERIODS).catch(DEFAULT_OUTCOME_PERIOD);

export function parseOutcomePeriod(value: unknown): OutcomePeriod {
  return outcomePeriodSchema.parse(Array.isArray(value) ? value[0] : value);
}

export function getPeriodStart(period: OutcomePeriod, now: Date): Date {
  return periodStart(period, now);
}
