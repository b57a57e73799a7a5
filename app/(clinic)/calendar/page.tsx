import type { Metadata } from "next";
import Link from "next/link";
import { CalendarDays } from "@/components/ui/icons";
import { CalendarGrid } from "@/components/calendar/calendar-grid";
import { CalendarToolbar } from "@/components/calendar/calendar-toolbar";
import { ChangePanel } from "@/components/calendar/change-panel";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireScope } from "@/lib/auth/scope";
import { isAdmin } from "@/lib/auth/scope-types";
import type { CalendarEntry } from "@/lib/calendar/queries";
import { calendarHref } from "@/lib/calendar/range";
import { loadCalendar } from "@/lib/calendar/view";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Calendar" };

const weekdayFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
const dayTitle = (day: string) => weekdayFormat.format(new Date(`${day}T12:00:00Z`));

export default async function CalendarPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requireScope();
  const sp = await searchParams;
  const data = await loadCalendar(scope, sp);
  const { params, timeZone, columns, tables, staff, entries, reassessmentDue } = data;
  const here = calendarHref(params);
  const tableName = new Map(tables.map((t) => [t.id, t.name]));
  const open = typeof sp.open === "string" ? entries.find((e) => e.id === sp.open) : undefined;
  const bookable = tables.filter((t) => t.kind === "table").map((t) => ({ id: t.id, name: t.name }));

  const logHref = (e: CalendarEntry) =>
    e.kind === "session" && e.status === "scheduled" && e.courseId ? `/patients/${e.patientId}/decompression/${e.courseId}/sessions/${e.id}` : null;
  const linksFor = (e: CalendarEntry) => ({
    log: logHref(e),
    change: `${here}&open=${e.id}`,
    patient: `/patients/${e.patientId}`,
    reassess: e.courseId ? `/patients/${e.patientId}/appointments/new?course=${e.courseId}` : null,
  });
  const placeFor = (e: CalendarEntry) =>
    params.by === "table" && params.view === "day" ? e.practitionerName : e.treatmentTableId ? (tableName.get(e.treatmentTableId) ?? null) : null;
  const dueFor = (e: CalendarEntry) => {
    const due = e.courseId ? reassessmentDue.get(e.courseId) : undefined;
    return due && e.kind === "session" ? due.map((m) => `${m} %`).join(", ") : null;
  };
  const poolName = params.by === "table" ? tables.find((t) => t.id === params.who)?.name : staff.find((s) => s.id === params.who)?.name;
  const title = params.view === "day" ? dayTitle(params.date) : `Week of ${formatDate(data.days[0]!)}${poolName ? `: ${poolName}` : ""}`;
  const noColumns = columns.length === 0;

  return (
    <div className="mx-auto grid max-w-[100rem] gap-4">
      <PageHeader
        className="pb-0"
        title="Calendar"
        description={`${title}. Times are the clinic's (${timeZone}). Open a booked session's name to log it.`}
      />
      <CalendarToolbar params={params} today={data.today} pool={params.by === "table" ? tables.map((t) => ({ id: t.id, name: t.name })) : staff} />
      {data.clashes.size > 0 && (
        <p className="rounded-md border border-destructive p-3 text-sm" role="status" data-testid="clash-summary">
          {data.clashes.size === 1 ? "One booking clashes" : `${data.clashes.size} bookings clash`} in this view: each is marked “Clash” with the reason. Use its “Change” link to move it.
        </p>
      )}
      {open && <ChangePanel key={open.id} entry={open} timeZone={timeZone} tables={bookable} closeHref={here} logHref={logHref(open)} />}
      {noColumns ? (
        <EmptyState
          icon={CalendarDays}
          title={params.by === "table" ? "No tables or rooms yet" : "No staff yet"}
          description={params.by === "table" ? "The clinic lists its treatment tables and rooms in settings; then their bookings show here." : "Add staff in settings."}
          action={
            isAdmin(scope) && (
              <Button asChild>
                <Link href={params.by === "table" ? "/settings/calendar" : "/settings/staff"}>Open settings</Link>
              </Button>
            )
          }
        />
      ) : (
        <>
          {entries.length === 0 && (
            <p className="rounded-md border border-dashed p-3 text-sm text-muted-foreground" data-testid="calendar-empty">
              Nothing booked {params.view === "day" ? "on this day" : "this week"}. Book a course from its page (Patients, then the course).
            </p>
          )}
          <CalendarGrid
            columns={columns}
            timeZone={timeZone}
            columnLabel={(c) => (params.view === "week" ? dayTitle(c.day) : c.title)}
            linksFor={linksFor}
            placeFor={placeFor}
            dueFor={dueFor}
            clashFor={(e) => data.clashes.get(e.id)?.map((c) => c.message).join(". ") ?? null}
          />
        </>
      )}
    </div>
  );
}
