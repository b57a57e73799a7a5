import type { Metadata } from "next";
import { AddClosureForm, AddTableForm, ArchiveTableButton, WorkingHoursForm } from "@/components/calendar/settings-forms";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { requireAdminScope } from "@/lib/auth/scope";
import { listClosures, listStaff, listTreatmentTables, listWorkingHours } from "@/lib/calendar/queries";
import { WEEKDAY_LABELS } from "@/lib/calendar/weekdays";
import { formatDate } from "@/lib/format";
import { SettingsCrumb } from "@/components/settings/settings-crumb";

export const metadata: Metadata = { title: "Calendar settings" };

export default async function CalendarSettingsPage() {
  const scope = await requireAdminScope();
  const db = await getDb(scope);
  const [tables, closures, hours, staff] = await Promise.all([listTreatmentTables(db, scope), listClosures(db, scope), listWorkingHours(db, scope), listStaff(db, scope)]);
  return (
    <div className="mx-auto grid max-w-4xl gap-6">
      <PageHeader
        eyebrow={<SettingsCrumb />}
        title="Calendar settings"
        description="The clinic's treatment tables and rooms, and the days it is closed. Bookings are checked against both."
        className="pb-0"
      />
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2>Tables and rooms</h2>
          </CardTitle>
          <CardDescription>Decompression sessions are booked on tables, assessments in rooms. No two bookings share one at the same time.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {tables.length === 0 ? (
            <p className="text-sm text-muted-foreground">No tables or rooms yet: add the clinic&apos;s first below.</p>
          ) : (
            <ul className="divide-y text-sm" data-testid="table-list">
              {tables.map((t) => (
                <li key={t.id} className="flex items-center justify-between gap-3 py-2">
                  <span>
                    {t.name} <span className="text-muted-foreground">({t.kind === "table" ? "table" : "room"})</span>
                  </span>
                  <ArchiveTableButton id={t.id} name={t.name} />
                </li>
              ))}
            </ul>
          )}
          <AddTableForm />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2>Closed days</h2>
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          {closures.length === 0 ? (
            <p className="text-sm text-muted-foreground">No closed days set.</p>
          ) : (
            <ul className="divide-y text-sm">
              {closures.map((c) => (
                <li key={c.id} className="py-2">
                  {formatDate(c.closedOn)}: {c.reason}
                </li>
              ))}
            </ul>
          )}
          <AddClosureForm />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2>Working hours</h2>
          </CardTitle>
          <CardDescription>Sessions are booked inside these hours. A practitioner with no day ticked is not checked against any.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6 divide-y">
          {staff.length === 0 ? <p className="text-sm text-muted-foreground">No active staff.</p> : null}
          {staff.map((s) => {
            const own = hours.filter((h) => h.userId === s.id);
            return (
              <div key={s.id} className="grid gap-3 pb-6 last:pb-0" data-testid="working-hours">
                <p className="text-sm">
                  <span className="font-medium">{s.name}:</span>{" "}
                  {own.length ? own.map((h) => `${WEEKDAY_LABELS[h.weekday as keyof typeof WEEKDAY_LABELS]} ${h.startsAt.slice(0, 5)}-${h.endsAt.slice(0, 5)}`).join(", ") : "no hours set"}
                </p>
                <WorkingHoursForm practitionerId={s.id} name={s.name} hours={own} />
              </div>
            );
          })}
        </CardContent>
      </Card>
    </div>
  );
}
