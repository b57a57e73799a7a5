import { ListLink } from "@/components/ui/list-link";
import { CalendarClock } from "@/components/ui/icons";
import { Badge } from "@/components/ui/badge";
import { dateTimeFormat } from "@/lib/format";
import type { SessionList } from "@/lib/dashboard/sessions";
import type { Marked } from "@/lib/patient-flags/markers";

type MarkedList = Omit<SessionList, "rows"> & { rows: Marked<SessionList["rows"][number]>[] };
import { DashboardCard, MoreRows, PatientLink, type CardRows } from "./dashboard-card";

const STATUS = {
  scheduled: { label: "Scheduled", variant: "outline" },
  completed: { label: "Completed", variant: "success" },
  cancelled: { label: "Cancelled", variant: "secondary" },
  missed: { label: "Missed", variant: "warning" },
} as const;

function SessionRows({ list, timeZone, withDay, showPractitioner, paging, title }: { list: MarkedList; timeZone: string; withDay: boolean; showPractitioner: boolean; paging: CardRows; title: string }) {
  const format = dateTimeFormat("en-GB", { timeZone, ...(withDay ? { weekday: "short", day: "numeric" } : {}), hour: "2-digit", minute: "2-digit" });
  return (
    <>
      <ul className="divide-y text-sm">
        {list.rows.slice(0, paging.limit).map((s) => (
          <li key={s.id} className="dashboard-row">
            <span className="session-when">
              <time dateTime={new Date(s.t).toISOString()} className="session-time">
                {format.format(s.t)}
              </time>
              <PatientLink id={s.patient_id} name={`${s.first_name} ${s.last_name}`} marker={s.marker} />
            </span>
            <span className="flex items-center gap-2">
              {showPractitioner && s.practitioner_name && <span className="text-xs text-muted-foreground">{s.practitioner_name}</span>}
              <Badge variant={STATUS[s.status].variant}>{STATUS[s.status].label}</Badge>
              {/* Today's list only: a session is logged on its day. One class, no icon: the dashboard's HTML budget (tests/unit/dashboard-size.test.ts). */}
              {!withDay && s.status === "scheduled" && (
                <ListLink href={`/patients/${s.patient_id}/decompression/${s.course_id}/sessions/${s.id}`} className="session-log-link" aria-label={`Log session: ${s.first_name} ${s.last_name}, ${format.format(s.t)}`}>
                  Log
                </ListLink>
              )}
            </span>
          </li>
        ))}
      </ul>
      <MoreRows shown={Math.min(list.rows.length, paging.limit)} loaded={list.rows.length} total={list.total} paging={paging} title={title} />
    </>
  );
}

/** Today's and this week's decompression sessions, in the clinic's time zone. */
export function SessionsCards({ sessions, timeZone, showPractitioner, paging }: { sessions: { today: MarkedList; week: MarkedList }; timeZone: string; showPractitioner: boolean; paging: (id: "sessions-today" | "sessions-week") => CardRows }) {
  return (
    <>
      <DashboardCard id="sessions-today" title="Today's sessions" description="Decompression sessions booked for today." count={sessions.today.total} icon={CalendarClock} empty="No decompression sessions today.">
        <SessionRows list={sessions.today} timeZone={timeZone} withDay={false} showPractitioner={showPractitioner} paging={paging("sessions-today")} title="Today's sessions" />
      </DashboardCard>
      <DashboardCard id="sessions-week" title="This week" description="Monday to Sunday, including today." count={sessions.week.total} icon={CalendarClock} empty="No decompression sessions this week.">
        <SessionRows list={sessions.week} timeZone={timeZone} withDay showPractitioner={showPractitioner} paging={paging("sessions-week")} title="This week" />
      </DashboardCard>
    </>
  );
}
