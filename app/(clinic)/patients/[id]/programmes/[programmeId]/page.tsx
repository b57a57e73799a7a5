import type { Metadata } from "next";
import Link from "next/link";
import { History, Pencil, Printer } from "@/components/ui/icons";
import { AdherenceForm } from "@/components/programmes/adherence-form";
import { AdherenceTable } from "@/components/programmes/adherence-table";
import { PatientEyebrow } from "@/components/programmes/patient-eyebrow";
import { ProgrammeItems } from "@/components/programmes/programme-items";
import { ShareCard } from "@/components/programmes/share-card";
import { EndStatusCard } from "@/components/clinical/end-status-card";
import { setProgrammeStatusAction } from "@/lib/programmes/actions";
import { ProgrammeStatusBadge } from "@/components/programmes/status-badge";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { getPastWeekStart, computePrescribedSessions } from "@/lib/adherence/rules";
import { getWeeklyAdherence } from "@/lib/adherence/queries";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listProgrammeLinks } from "@/lib/patient-links/queries";
import { requireScope } from "@/lib/auth/scope";
import { isEmailEnabled } from "@/lib/env";
import { getProgrammeLengthWarning } from "@/lib/clinical/programme-suggest";
import { formatDate, formatInstantDate, todayIn } from "@/lib/format";
import { viewProgramme } from "@/lib/programmes/view";
import { orNotFound } from "@/lib/not-found";

export const metadata: Metadata = { title: "Programme" };

export default async function ProgrammePage({ params }: { params: Promise<{ id: string; programmeId: string }> }) {
  const scope = await requireScope();
  const { id, programmeId } = await params;
  const { patient, programme } = await orNotFound(viewProgramme(scope, id, programmeId));
  const db = await getDb(scope);
  const [user, weeks, links] = await Promise.all([getCurrentUser(scope), getWeeklyAdherence(db, scope, patient.id), listProgrammeLinks(db, scope, programme.id)]);
  const ownWeeks = weeks.filter((w) => w.programmeIds.includes(programme.id));
  const name = `${patient.firstName} ${patient.lastName}`;
  const active = programme.status === "active";
  const today = todayIn(user.timeZone);
  const prescribed = computePrescribedSessions(programme.items.map((i) => ({ ...i, category: i.exercise?.category ?? null })));
  const warning = getProgrammeLengthWarning(programme.items.length);
  return (
    <div className="mx-auto grid max-w-5xl gap-6">
      <PageHeader
        className="pb-0"
        eyebrow={<PatientEyebrow patientId={patient.id} name={name} />}
        title={
          <span className="flex flex-wrap items-center gap-2">
            Home programme, version {programme.versionNo}
            <ProgrammeStatusBadge status={programme.status} />
          </span>
        }
        description={`Prescribed by ${programme.practitionerName} on ${formatInstantDate(programme.createdAt, user.timeZone)}. Starts ${formatDate(programme.startDate)}${
          programme.reviewDate ? `, review ${formatDate(programme.reviewDate)}` : ""
        }.`}
        actions={
          <>
            <Button asChild>
              <Link href={`/print/programmes/${programme.id}`}>
                <Printer className="size-4" aria-hidden />
                Print programme
              </Link>
            </Button>
            {active && !patient.archivedAt && (
              <Button variant="outline" asChild>
                <Link href={`/patients/${patient.id}/programmes/new`}>
                  <Pencil className="size-4" aria-hidden />
                  Edit as new version
                </Link>
              </Button>
            )}
            <Button variant="outline" asChild>
              <Link href={`/patients/${patient.id}/programmes`}>
                <History className="size-4" aria-hidden />
                All versions
              </Link>
            </Button>
          </>
        }
      />
      {programme.status === "superseded" && (
        <Alert>
          <AlertTitle>An earlier version</AlertTitle>
          <AlertDescription>This programme was replaced by a newer version. It is kept, read-only, as it was prescribed.</AlertDescription>
        </Alert>
      )}
      {programme.status === "stopped" && (
        <Alert variant="warning">
          <AlertTitle>Stopped</AlertTitle>
          <AlertDescription>{programme.stoppedReason ?? "No reason recorded."}</AlertDescription>
        </Alert>
      )}
      {warning && (
        <Alert variant="warning">
          <AlertDescription>{warning}</AlertDescription>
        </Alert>
      )}
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2>Goals</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <p className="whitespace-pre-line">{programme.goals || "No goals written."}</p>
        </CardContent>
      </Card>
      <section aria-labelledby="exercises-heading" className="grid gap-3">
        <h2 id="exercises-heading" className="text-lg font-semibold">
          Exercises ({programme.items.length})
        </h2>
        <ProgrammeItems items={programme.items} />
      </section>
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2>Adherence</h2>
          </CardTitle>
          <CardDescription>Home sessions done against prescribed, week by week.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          {ownWeeks.length ? <AdherenceTable weeks={ownWeeks} caption="Weekly adherence to this programme" /> : <p className="text-sm text-muted-foreground">No weeks recorded yet.</p>}
          {active && <AdherenceForm patientId={patient.id} programmeId={programme.id} defaultWeek={getPastWeekStart(today)} prescribed={prescribed} today={today} />}
        </CardContent>
      </Card>
      <ShareCard programmeId={programme.id} links={links} canShare={active && !patient.archivedAt} timeZone={user.timeZone} email={{ enabled: isEmailEnabled(), address: patient.email }} />
      {active && <EndStatusCard id={programme.id} version={programme.version} noun="programme" action={setProgrammeStatusAction} />}
    </div>
  );
}
