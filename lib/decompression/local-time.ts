/**
 * Date-times typed into forms ("2026-03-02T10:30") are local to the clinic;
 * the database stores instants. Intl knows every zone's offsets, so no time
 * zone library is needed.
 */
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

function readParts(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

/** How far the zone's wall clock is ahead of UTC at this instant, in ms. */
function zoneOffsetMs(at: Date, timeZone: string): number {
  const p = readParts(at, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

export function isLocalDateTime(value: string): boolean {
  const m = LOCAL.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const probe = new Date(Date.UTC(y, mo - 1, d, h, mi));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d && h < 24 && mi < 60;
}

/** The instant a clinic's wall clock shows `local`; in a spring-forward gap, the moment just after it. */
export function localToInstant(local: string, timeZone: string): Date {
  if (!isLocalDateTime(local)) throw new RangeError(`Not a local date-time: ${local}`);
  const [, y, mo, d, h, mi] = (LOCAL.exec(local) ?? []).map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes: the offset at the first guess may differ from the one at the answer near a DST change.
  const first = wall - zoneOffsetMs(new Date(wall), timeZone);
  return new Date(wall - zoneOffsetMs(new Date(first), timeZone));
}

/** An instant as the clinic's wall clock shows it, for a datetime-local input. */
export function instantToLocal(at: Date, timeZone: string): string {
  const p = readParts(at, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The local calendar date of an instant in the zone (YYYY-MM-DD). */
export function instantToLocalDate(at: Date, timeZone: string): string {
  return instantToLocal(at, timeZone).slice(0, 10);
}

/** The instants a clinic's local day (YYYY-MM-DD) starts and ends at: [from, to). */
export function localDayRange(date: string, timeZone: string): { from: Date; to: Date } {
  const from = localToInstant(`${date}T00:00`, timeZone);
  const next = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + 1));
  const nextDate = next.toISOString().slice(0, 10);
  return { from, to: localToInstant(`${nextDate}T00:00`, timeZone) };
}
