import Link from "next/link";
import { X } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CalendarEntry } from "@/lib/calendar/queries";
import { formatDateTime } from "@/lib/format";
import { instantToLocal } from "@/lib/time-zone";
import { AppointmentStatusForm } from "./appointment-forms";
import { SessionChangeForms } from "./change-session-forms";
import { KIND_LABELS, STATUS_LABELS } from "./labels";

/** The booking opened with "Change": move, cancel, no-show (sessions) or close (appointments). */
export function ChangePanel({ entry, timeZone, tables, closeHref, logHref }: { entry: CalendarEntry; timeZone: string; tables: { id: string; name: string }[]; closeHref: string; logHref: string | null }) {
  const open = entry.status === "scheduled" || entry.status === "booked";
  const name = `${entry.firstName} ${entry.lastName}`;
  return (
    <Card data-testid="change-panel" data-print-hide="">
      <CardHeader className="grid-cols-[1fr_auto]">
        <CardTitle asChild>
          <h2>
            {KIND_LABELS[entry.kind]}: {name}
          </h2>
        </CardTitle>
        <Button variant="ghost" size="icon" asChild className="row-span-2">
          <Link href={closeHref} aria-label="Close" scroll={false}>
            <X className="size-4" aria-hidden />
          </Link>
        </Button>
        <CardDescription>
          {formatDateTime(entry.startsAt, timeZone)}
          {entry.practitionerName ? ` with ${entry.practitionerName}` : ""}. {STATUS_LABELS[entry.status] ?? entry.status}
          {entry.cancelReason ? `: ${entry.cancelReason}` : ""}.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6 lg:grid-cols-2">
        {entry.kind === "session" ? (
          <SessionChangeForms
            open={open}
            logHref={logHref}
            session={{ sessionId: entry.id, version: entry.version }}
            scheduledAt={instantToLocal(entry.startsAt, timeZone)}
            tableId={entry.treatmentTableId}
            tables={tables}
          />
        ) : open ? (
          <AppointmentStatusForm appointmentId={entry.id} version={entry.version} />
        ) : (
          <p className="text-sm text-muted-foreground">This booking is closed: its record is kept as it was.</p>
        )}
      </CardContent>
    </Card>
  );
}
