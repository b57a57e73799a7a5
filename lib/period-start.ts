import { subMonths } from "date-fns";

/**
 * The one owner of "a period code to its first instant", for every selector
 * that offers "last 3 months" and the like (progress ranges, clinic outcomes).
 * Months, not days, so "1y" on 29 February is 28 February (date-fns clamps).
 */
export type PeriodCode = "3m" | "6m" | "1y" | "2y";

const MONTHS: Record<PeriodCode, number> = { "3m": 3, "6m": 6, "1y": 12, "2y": 24 };

export function periodStart(code: PeriodCode, now: Date): Date {
  return subMonths(now, MONTHS[code]);
}
