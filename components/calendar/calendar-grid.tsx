import type { CalendarEntry } from "@/lib/calendar/queries";
import { localTime } from "@/lib/calendar/slots";
import type { CalendarColumn } from "@/lib/calendar/view";
import { EntryBlock, type EntryLinks } from "./entry-block";

// The day runs 07:00-20:00 unless a booking falls outside it; 3 px a minute gives a 20-minute
// session room for its three lines (kind and time, name, place and links) on a tablet.
const DEFAULT_START_H = 7;
const DEFAULT_END_H = 20;
const PX_PER_MIN = 3;

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Lanes for bookings that overlap in one column, so none hides another. */
function assignLanes(entries: readonly CalendarEntry[]) {
  const lanes: Date[] = [];
  const placed = entries.map((e) => {
    let lane = lanes.findIndex((end) => end <= e.startsAt);
    if (lane === -1) lane = lanes.push(e.endsAt) - 1;
    else lanes[lane] = e.endsAt;
    return { entry: e, lane };
  });
  return { placed, count: Math.max(1, lanes.length) };
}

/**
 * A small hand-written day grid: one column per practitioner, table or day,
 * bookings placed by their wall-clock time. No script: every booking is a pair
 * of links reached with Tab in time order.
 */
export function CalendarGrid({
  columns,
  timeZone,
  columnLabel,
  linksFor,
  placeFor,
  dueFor,
  clashFor,
}: {
  columns: CalendarColumn[];
  timeZone: string;
  columnLabel: (c: CalendarColumn) => string;
  linksFor: (e: CalendarEntry) => EntryLinks;
  placeFor: (e: CalendarEntry) => string | null;
  dueFor: (e: CalendarEntry) => string | null;
  clashFor: (e: CalendarEntry) => string | null;
}) {
  const all = columns.flatMap((c) => c.entries);
  const starts = all.map((e) => minutesOf(localTime(e.startsAt, timeZone)));
  const ends = all.map((e) => minutesOf(localTime(e.endsAt, timeZone)) || 24 * 60);
  const startMin = Math.min(DEFAULT_START_H * 60, ...starts.map((m) => Math.floor(m / 60) * 60));
  const endMin = Math.max(DEFAULT_END_H * 60, ...ends.map((m) => Math.ceil(m / 60) * 60));
  const hours = Array.from({ length: (endMin - startMin) / 60 }, (_, i) => startMin / 60 + i);
  const height = (endMin - startMin) * PX_PER_MIN;
  return (
    <div className="overflow-x-auto rounded-lg border" data-testid="calendar-grid">
      <div className="grid min-w-max" style={{ gridTemplateColumns: `3.5rem repeat(${columns.length}, minmax(10rem, 1fr))` }}>
        <div className="sticky left-0 z-10 border-b bg-background" aria-hidden />
        {columns.map((c) => (
          <h2 key={c.id} className="border-b border-l px-2 py-2 text-sm font-semibold">
            {columnLabel(c)}
          </h2>
        ))}
        <div className="sticky left-0 z-10 bg-background" aria-hidden style={{ height }}>
          {hours.map((h) => (
            <div key={h} className="border-t pr-1 text-right text-xs tabular-nums text-muted-foreground" style={{ height: 60 * PX_PER_MIN }}>
              {String(h).padStart(2, "0")}:00
            </div>
          ))}
        </div>
        {columns.map((c) => {
          const { placed, count } = assignLanes(c.entries);
          return (
            <section key={c.id} aria-label={columnLabel(c)} className="relative border-l" style={{ height }}>
              {hours.map((h) => (
                <div key={h} className="border-t border-dashed border-border/70" style={{ height: 60 * PX_PER_MIN }} aria-hidden />
              ))}
              {c.entries.length === 0 && <p className="sr-only">No bookings.</p>}
              {placed.map(({ entry, lane }) => {
                const top = (minutesOf(localTime(entry.startsAt, timeZone)) - startMin) * PX_PER_MIN;
                const minutes = Math.max(20, (entry.endsAt.getTime() - entry.startsAt.getTime()) / 60_000);
                return (
                  <EntryBlock
                    key={entry.id}
                    entry={entry}
                    time={`${localTime(entry.startsAt, timeZone)}-${localTime(entry.endsAt, timeZone)}`}
                    place={placeFor(entry)}
                    links={linksFor(entry)}
                    due={dueFor(entry)}
                    clash={clashFor(entry)}
                    style={{ top, minHeight: minutes * PX_PER_MIN, left: `calc(${(lane / count) * 100}% + 2px)`, width: `calc(${100 / count}% - 4px)` }}
                  />
                );
              })}
            </section>
          );
        })}
      </div>
    </div>
  );
}
