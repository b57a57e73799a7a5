import Link from "next/link";
import { BedSingle, ClipboardList, TriangleAlert } from "@/components/ui/icons";
import type { CalendarEntry } from "@/lib/calendar/queries";
import { cn } from "@/lib/utils";
import { isClosed, KIND_LABELS, STATUS_LABELS } from "./labels";

export type EntryLinks = { log: string | null; change: string; patient: string; reassess: string | null };

/**
 * One booking in the grid. The kind is an icon, a word and a border style
 * (solid for sessions, dashed for assessments); a closed booking is struck
 * through and says so. Its first link logs the session (or opens the patient),
 * the second changes the booking.
 */
export function EntryBlock({ entry, time, place, links, due, clash, style }: { entry: CalendarEntry; time: string; place: string | null; links: EntryLinks; due: string | null; clash: string | null; style?: React.CSSProperties }) {
  const closed = isClosed(entry.status);
  const Icon = entry.kind === "session" ? BedSingle : ClipboardList;
  const name = `${entry.firstName} ${entry.lastName}`;
  const kind = KIND_LABELS[entry.kind];
  return (
    <article
      data-testid="calendar-entry"
      data-kind={entry.kind}
      data-status={entry.status}
      aria-label={`${kind}, ${time}, ${name}${closed ? `, ${STATUS_LABELS[entry.status]}` : ""}`}
      className={cn(
        "absolute rounded-md border-2 bg-card p-1 text-xs leading-tight shadow-xs focus-within:z-20 hover:z-20",
        entry.kind === "session" ? "border-solid border-primary/70" : "border-dashed border-foreground/60",
        closed && "opacity-70",
        clash && "ring-2 ring-destructive",
      )}
      style={style}
    >
      <p className="flex items-center gap-1 font-medium">
        <Icon className="size-3.5 shrink-0" aria-hidden />
        <span>{kind}</span>
        <span className="tabular-nums text-muted-foreground">{time}</span>
      </p>
      <p className={cn("truncate", closed && "line-through")}>
        {links.log ? (
          <Link href={links.log} className="font-semibold underline-offset-2 hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none" aria-label={`Log session: ${name}, ${time}`}>
            {name}
          </Link>
        ) : (
          <Link href={links.patient} className="font-semibold underline-offset-2 hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
            {name}
          </Link>
        )}
      </p>
      <p className="flex flex-wrap items-center gap-x-2">
        {place && <span className="truncate text-muted-foreground">{place}</span>}
        {entry.status !== "scheduled" && entry.status !== "booked" && <span className="font-medium">{STATUS_LABELS[entry.status] ?? entry.status}</span>}
        {links.log && <span className="sr-only">Booked: the name opens the session log.</span>}
        <Link href={links.change} className="underline underline-offset-2 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none" aria-label={`Change booking: ${name}, ${time}`} data-print-hide="">
          Change
        </Link>
      </p>
      {clash && (
        <p className="mt-0.5 flex items-start gap-1 font-semibold text-destructive" data-testid="entry-clash">
          <TriangleAlert className="mt-px size-3.5 shrink-0" aria-hidden />
          <span>Clash: {clash}</span>
        </p>
      )}
      {due && links.reassess && (
        <p className="mt-0.5 font-medium">
          <Link href={links.reassess} className="underline underline-offset-2" data-testid="book-reassessment">
            Reassessment due ({due}): book
          </Link>
        </p>
      )}
    </article>
  );
}
