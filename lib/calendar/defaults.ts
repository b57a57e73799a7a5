import type { BookingPattern, DecompressionCourse, DecompressionSession, TreatmentTable } from "@/db/schema";
import { todayIn } from "@/lib/format";
import { DEFAULT_SESSION_MIN } from "./queries";

// Weekdays spread across the week for a number of sessions a week [U: house defaults].
const SPREAD: Record<number, number[]> = { 1: [1], 2: [2, 4], 3: [1, 3, 5], 4: [1, 2, 4, 5], 5: [1, 2, 3, 4, 5], 6: [1, 2, 3, 4, 5, 6], 7: [1, 2, 3, 4, 5, 6, 7] };
// The time offered first [U: house default].
const DEFAULT_TIME = "10:00";

/**
 * What the "book the course" form starts from: the course's own pattern if it
 * was booked before, else its sessions a week spread over the week, the
 * sessions still to book, its session length, and today or its start.
 */
export function suggestCourseBooking(
  course: Pick<DecompressionCourse, "sessionsPerWeek" | "plannedSessions" | "startDate" | "initialParameters"> & { bookingPattern: BookingPattern | null },
  sessions: readonly Pick<DecompressionSession, "status">[],
  tables: readonly Pick<TreatmentTable, "id">[],
  timeZone: string,
  now = new Date(),
) {
  const live = sessions.filter((s) => s.status === "scheduled" || s.status === "completed").length;
  const today = todayIn(timeZone, now);
  const duration = course.initialParameters.durationMin;
  const pattern = course.bookingPattern;
  return {
    fromDate: course.startDate > today ? course.startDate : today,
    weekdays: pattern?.weekdays ?? SPREAD[course.sessionsPerWeek] ?? [1, 3, 5],
    time: pattern?.time ?? DEFAULT_TIME,
    treatmentTableId: pattern?.treatmentTableId ?? tables[0]?.id ?? "",
    count: Math.max(1, course.plannedSessions - live),
    durationMin: pattern?.durationMin ?? (typeof duration === "number" && duration > 0 ? duration : DEFAULT_SESSION_MIN),
  };
}
