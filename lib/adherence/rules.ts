import { addDays, formatISO, parseISO, startOfISOWeek, subWeeks } from "date-fns";
import type { ExerciseCategory } from "@/lib/clinical/exercise-catalogue";

type DosedItem = { timesPerDay: number; daysPerWeek: number; category: ExerciseCategory | null };

/**
 * Home sessions a programme asks for in a week: the most demanding exercise's
 * days x times per day. Posture advice is applied through the day rather than
 * in sessions, so it does not count [U: house rule, not in clinical-reference.md].
 */
export function computePrescribedSessions(items: readonly DosedItem[]): number {
  const counted = items.filter((item) => item.category !== "posture");
  return Math.max(0, ...counted.map((item) => item.timesPerDay * item.daysPerWeek));
}

/** Monday of the week before the one containing `today` (YYYY-MM-DD): "the past week" at a visit. */
export function getPastWeekStart(today: string): string {
  return formatISO(subWeeks(startOfISOWeek(parseISO(today)), 1), { representation: "date" });
}

/** Monday of the week containing the date. */
export function getWeekStart(date: string): string {
  return formatISO(startOfISOWeek(parseISO(date)), { representation: "date" });
}

export function getWeekEnd(weekStart: string): string {
  return formatISO(addDays(parseISO(weekStart), 6), { representation: "date" });
}
