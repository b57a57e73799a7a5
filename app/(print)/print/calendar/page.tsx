import type { Metadata } from "next";
import Link from "next/link";
import { KIND_LABELS, STATUS_LABELS } from "@/components/calendar/labels";
import { PrintButton } from "@/components/programmes/print/print-button";
import { requireScope } from "@/lib/auth/scope";
import { calendarHref } from "@/lib/calendar/range";
import { localTime } from "@/lib/calendar/slots";
import { loadCalendar } from "@/lib/calendar/view";

export const metadata: Metadata = { title: "Day sheet" };

const dayFormat = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** The day on one sheet: every booking in time order, for the front desk and the treatment room wall. */
export default async function DaySheetPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requireScope();
  const sp = await searchParams;
  const data = await loadCalendar(scope, { ...sp, view: "day", by: "table" });
  const { params, timeZone, entries, tables } = data;
  const tableName = new Map(tables.map((t) => [t.id, t.name]));
  return (
    <div className="print-sheet mx-auto grid max-w-[200mm] gap-6 p-6" data-paper="a4">
      <nav aria-label="Print options" data-print-hide className="flex flex-wrap items-center justify-between gap-3 rounded-lg border bg-muted/40 p-3 text-sm">
        <Link href={calendarHref(params)} className="underline-offset-4 hover:underline">
          Back to the calendar
        </Link>
        <PrintButton />
      </nav>
      <main className="grid gap-4">
        <h1 className="text-xl font-semibold">Day sheet: {dayFormat.format(new Date(`${params.date}T12:00:00Z`))}</h1>
        <p className="text-sm">Times are the clinic&apos;s ({timeZone}).</p>
        {entries.length === 0 ? (
          <p>Nothing booked on this day.</p>
        ) : (
          <table className="w-full border-collapse text-sm" data-testid="day-sheet">
            <thead>
              <tr className="border-b text-left">
                <th scope="col" className="py-1 pr-2">Time</th>
                <th scope="col" className="py-1 pr-2">Kind</th>
                <th scope="col" className="py-1 pr-2">Patient</th>
                <th scope="col" className="py-1 pr-2">Practitioner</th>
                <th scope="col" className="py-1 pr-2">Table or room</th>
                <th scope="col" className="py-1">Status</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} className="border-b align-top">
                  <td className="py-1 pr-2 tabular-nums">
                    {localTime(e.startsAt, timeZone)}-{localTime(e.endsAt, timeZone)}
                  </td>
                  <td className="py-1 pr-2">{KIND_LABELS[e.kind]}</td>
                  <td className="py-1 pr-2">
                    {e.firstName} {e.lastName}
                  </td>
                  <td className="py-1 pr-2">{e.practitionerName ?? "—"}</td>
                  <td className="py-1 pr-2">{e.treatmentTableId ? (tableName.get(e.treatmentTableId) ?? "—") : "—"}</td>
                  <td className="py-1">{STATUS_LABELS[e.status] ?? e.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </div>
  );
}
