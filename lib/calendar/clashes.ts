import { instantToLocalDate } from "@/lib/time-zone";
import { localTime, localWeekday, overlaps, slotAt, type Interval, type Slot } from "./slots";

/** Something already in the diary, as the clash check needs it. */
export type Busy = Interval & { treatmentTableId: string | null; practitionerId: string | null; label: string };
export type Hours = { weekday: number; startsAt: string; endsAt: string };

/** What a proposed slot is checked against; all of it is the clinic's, read in one place (lib/calendar/queries.ts). */
export type DiaryContext = {
  timeZone: string;
  practitionerId: string;
  busy: readonly Busy[];
  /** Clinic-local YYYY-MM-DD -> reason. */
  closedDays: ReadonlyMap<string, string>;
  /** The practitioner's hours; empty means none set, and nothing is checked. */
  hours: readonly Hours[];
  /** Bookable tables, in the order alternatives try them. */
  tables: readonly { id: string; name: string }[];
  /** New bookings start after this instant (now); unset, the past is not checked. */
  notBefore?: Date;
};

export type ClashKind = "past" | "closed" | "hours" | "table" | "practitioner";
export type Clash = { kind: ClashKind; message: string };

const hhmm = (time: string) => time.slice(0, 5);

/** Every reason a slot cannot be booked, closed day first; [] when it is free. */
export function findClashes(slot: Slot, ctx: DiaryContext): Clash[] {
  const clashes: Clash[] = [];
  if (ctx.notBefore && slot.startsAt < ctx.notBefore) clashes.push({ kind: "past", message: "This time has already passed" });
  const day = instantToLocalDate(slot.startsAt, ctx.timeZone);
  const closed = ctx.closedDays.get(day);
  if (closed !== undefined) clashes.push({ kind: "closed", message: `The clinic is closed on ${day} (${closed})` });
  if (ctx.hours.length > 0 && !withinHours(slot, ctx)) {
    clashes.push({ kind: "hours", message: `Outside the practitioner's working hours (${describeHours(ctx.hours, localWeekday(slot.startsAt, ctx.timeZone))})` });
  }
  const table = ctx.busy.find((b) => b.treatmentTableId === slot.treatmentTableId && overlaps(b, slot));
  if (table) clashes.push({ kind: "table", message: `The table is booked then: ${table.label}` });
  const mine = ctx.busy.find((b) => b.practitionerId === ctx.practitionerId && overlaps(b, slot));
  if (mine) clashes.push({ kind: "practitioner", message: `The practitioner is booked then: ${mine.label}` });
  return clashes;
}

function withinHours(slot: Slot, ctx: DiaryContext): boolean {
  const weekday = localWeekday(slot.startsAt, ctx.timeZone);
  const start = localTime(slot.startsAt, ctx.timeZone);
  const end = localTime(slot.endsAt, ctx.timeZone);
  // A slot running past midnight is never inside one day's hours.
  if (instantToLocalDate(slot.endsAt, ctx.timeZone) !== instantToLocalDate(slot.startsAt, ctx.timeZone) && end !== "00:00") return false;
  return ctx.hours.some((h) => h.weekday === weekday && hhmm(h.startsAt) <= start && end <= hhmm(h.endsAt) && end > start);
}

function describeHours(hours: readonly Hours[], weekday: number): string {
  const today = hours.filter((h) => h.weekday === weekday);
  return today.length ? today.map((h) => `${hhmm(h.startsAt)}-${hhmm(h.endsAt)}`).join(", ") : "not working that day";
}

// Alternatives are searched in 15-minute steps [U: house choice], up to 14 days ahead.
const STEP_MIN = 15;
const SEARCH_DAYS = 14;

/**
 * The nearest free slot to a clashing one: the same day first (same table,
 * then another table, closest time first), then the following days at the
 * same time, then any time on them. Null if nothing is free within two weeks.
 */
export function proposeAlternative(slot: Slot, ctx: DiaryContext): Slot | null {
  const durationMin = Math.round((slot.endsAt.getTime() - slot.startsAt.getTime()) / 60_000);
  const time = localTime(slot.startsAt, ctx.timeZone);
  const tableOrder = [slot.treatmentTableId, ...ctx.tables.map((t) => t.id).filter((id) => id !== slot.treatmentTableId)];
  const free = (candidate: Slot) => findClashes(candidate, ctx).length === 0;
  const firstDay = instantToLocalDate(slot.startsAt, ctx.timeZone);
  for (let offset = 0; offset <= SEARCH_DAYS; offset++) {
    const day = addDaysLocal(firstDay, offset);
    if (ctx.closedDays.has(day)) continue;
    // With hours set, only times inside that weekday's hours are worth checking (the search stays fast).
    const weekday = ((new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
    const open = ctx.hours.filter((h) => h.weekday === weekday);
    if (ctx.hours.length > 0 && open.length === 0) continue;
    const fits = (t: string) => open.length === 0 || open.some((h) => hhmm(h.startsAt) <= t && toMinutes(t) + durationMin <= toMinutes(hhmm(h.endsAt)));
    const nearest = timesByDistance(time).filter(fits);
    const times = offset === 0 ? nearest : [time, ...nearest.filter((t) => t !== time)].filter(fits);
    for (const t of times) {
      for (const tableId of tableOrder) {
        const candidate = slotAt(day, t, durationMin, tableId, ctx.timeZone);
        if (candidate.startsAt.getTime() === slot.startsAt.getTime() && tableId === slot.treatmentTableId) continue;
        if (free(candidate)) return candidate;
      }
    }
  }
  return null;
}

const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Every quarter hour of a day, nearest to `time` first (earlier before later on a tie). */
function timesByDistance(time: string): string[] {
  const [h, m] = time.split(":").map(Number) as [number, number];
  const at = h * 60 + m;
  const all: number[] = [];
  for (let t = 0; t < 24 * 60; t += STEP_MIN) all.push(t);
  return all.sort((a, b) => Math.abs(a - at) - Math.abs(b - at) || a - b).map((t) => `${String(Math.floor(t / 60)).padStart(2, "0")}:${String(t % 60).padStart(2, "0")}`);
}

function addDaysLocal(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export type PlannedSlot = { slot: Slot; clashes: Clash[]; alternative: Slot | null };

/**
 * Checks a whole course: each slot against the diary and against the course's
 * own earlier slots (and their alternatives), so the proposals never collide
 * with each other.
 */
export function checkCoursePlan(slots: readonly Slot[], ctx: DiaryContext, label: string): PlannedSlot[] {
  const busy: Busy[] = [...ctx.busy];
  const out: PlannedSlot[] = [];
  for (const slot of slots) {
    const here = { ...ctx, busy };
    const clashes = findClashes(slot, here);
    const alternative = clashes.length ? proposeAlternative(slot, here) : null;
    const taken = clashes.length ? alternative : slot;
    if (taken) busy.push({ ...taken, practitionerId: ctx.practitionerId, label });
    out.push({ slot, clashes, alternative });
  }
  return out;
}

/**
 * Clashes already in the diary (a booking made before a closed day was set,
 * a practitioner on two tables at once): each live booking checked against
 * all the others, for the calendar to mark.
 */
export function findDiaryClashes(
  entries: readonly (Busy & { id: string })[],
  ctx: Pick<DiaryContext, "timeZone" | "closedDays"> & { hoursOf: (practitionerId: string) => readonly Hours[] },
): Map<string, Clash[]> {
  const out = new Map<string, Clash[]>();
  for (const e of entries) {
    const others = entries.filter((o) => o.id !== e.id);
    const clashes = findClashes(
      { startsAt: e.startsAt, endsAt: e.endsAt, treatmentTableId: e.treatmentTableId ?? "" },
      { timeZone: ctx.timeZone, practitionerId: e.practitionerId ?? "", busy: others, closedDays: ctx.closedDays, hours: e.practitionerId ? ctx.hoursOf(e.practitionerId) : [], tables: [] },
    );
    if (clashes.length) out.set(e.id, clashes);
  }
  return out;
}
