import type { Metadata } from "next";
import Link from "next/link";
import { ClipboardList, Plus } from "@/components/ui/icons";
import { AdherenceTable } from "@/components/programmes/adherence-table";
import { PatientEyebrow } from "@/components/programmes/patient-eyebrow";
import { ProgrammeStatusBadge } from "@/components/programmes/status-badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/runtime";
import { getWeeklyAdherence } from "@/lib/adherence/queries";
import { requireScope } from "@/lib/auth/scope";
import { formatDate } from "@/lib/format";
import { viewPatient } from "@/lib/patients/view";
import { listProgrammes } from "@/lib/programmes/queries";
import { orNotFound } from "@/lib/not-found";

export const metadata: Metadata = { title: "Programmes" };

/** Every programme the patient has had, superseded versions included, and their weekly adherence. */
export default async function ProgrammesPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requireScope();
  const { id } = await params;
  const patient = await orNotFound(viewPatient(scope, id, "programme"));
  const db = await getDb(scope);
  const [programmes, weeks] = await Promise.all([listProgrammes(db, scope, patient.id), getWeeklyAdherence(db, scope, patient.id)]);
  const name = `${patient.firstName} ${patient.lastName}`;
  const hasActive = programmes.some((p) => p.status === "active");
  return (
    <div className="mx-auto grid max-w-5xl gap-6">
      <PageHeader
        className="pb-0"
        eyebrow={<PatientEyebrow patientId={patient.id} name={name} />}
        title={`${name}: home programmes`}
        actions={
          !patient.archivedAt && (
            <Button asChild>
              <Link href={`/patients/${patient.id}/programmes/new`}>
                <Plus className="size-4" aria-hidden />
                {hasActive ? "New version" : "New programme"}
              </Link>
            </Button>
          )
        }
      />
      {programmes.length === 0 ? (
        <EmptyState icon={ClipboardList} title="No programmes yet" description="Build one from the library, or suggest one from the patient's confirmed patterns." />
      ) : (
        <div className="rounded-md border">
          <Table>
            <TableCaption className="sr-only">Programmes, newest first</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>Version</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Start</TableHead>
                <TableHead className="hidden sm:table-cell">Exercises</TableHead>
                <TableHead className="hidden md:table-cell">Prescribed by</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {programmes.map((p) => (
                <TableRow key={p.id}>
                  <TableCell>
                    <Link href={`/patients/${patient.id}/programmes/${p.id}`} className="font-medium underline-offset-4 hover:underline">
                      Version {p.versionNo}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <ProgrammeStatusBadge status={p.status} />
                  </TableCell>
                  <TableCell>{formatDate(p.startDate)}</TableCell>
                  <TableCell className="hidden sm:table-cell">{p.itemCount}</TableCell>
                  <TableCell className="hidden md:table-cell">{p.practitionerName}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2>Weekly adherence</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          {weeks.length ? <AdherenceTable weeks={weeks} caption="Weekly adherence, newest first" /> : <p className="text-sm text-muted-foreground">No weeks recorded yet.</p>}
        </CardContent>
      </Card>
    </div>
  );
}
