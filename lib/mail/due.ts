import { instantToLocalDate, localToInstant } from "@/lib/time-zone";

export type ReminderSchedule = { id: string; clinicId: string; localTime: string; lastSentOn: string | null; timeZone: string };

/** A reminder later than this after its time is skipped for the day (the server was down) [U]. */
export const REMINDER_LATE_LIMIT_MS = 2 * 60 * 60_000;

/**
 * Which reminders are due at `now`: today's clinic-local time has passed (by
 * at most the late limit) and none was sent on today's clinic-local date. A
 * time in a spring-forward gap is sent an hour later by the clock (01:30 ->
 * 02:30, lib/time-zone.ts); a time that occurs twice when clocks go back is
 * sent once, at its second occurrence (the date is recorded).
 */
export function dueReminders(subs: readonly ReminderSchedule[], now: Date): { sub: ReminderSchedule; localDate: string }[] {
  const out: { sub: ReminderSchedule; localDate: string }[] = [];
  for (const sub of subs) {
    const today = instantToLocalDate(now, sub.timeZone);
    if (sub.lastSentOn === today) continue;
    const at = localToInstant(`${today}T${sub.localTime}`, sub.timeZone);
    const late = now.getTime() - at.getTime();
    if (late >= 0 && late <= REMINDER_LATE_LIMIT_MS) out.push({ sub, localDate: today });
  }
  return out;
}
