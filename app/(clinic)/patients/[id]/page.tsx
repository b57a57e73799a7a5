import type { Metadata } from "next";
import Link from "next/link";
import { FileDown, Pencil } from "@/components/ui/icons";
import { AccessCopyButton } from "@/components/patients/access-copy-button";
import { ArchiveButton } from "@/components/patients/archive-button";
import { PatientSections } from "@/components/patients/patient-sections";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requireScope } from "@/lib/auth/scope";
import { formatWeightBoth } from "@/lib/clinical/units";
import { ageInYears, formatDate, SEX_LABELS } from "@/lib/format";
import { viewPatient } from "@/lib/patients/view";
import { orNotFound } from "@/lib/not-found";
import { holdForE2e } from "@/lib/e2e-hold";

export const metadata: Metadata = { title: "Patient" };

export default async function PatientPage({ params }: { params: Promise<{ id: string }> }) {
  await holdForE2e();
  const scope = await requireScope();
  const { id } = await params;
  const patient = await orNotFound(viewPatient(scope, id));
  const user = await getCurrentUser(scope);
  const name = `${patient.firstName} ${patient.lastName}`;
  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-muted-foreground">
            <Link href="/patients" className="underline-offset-4 hover:underline">
              Patients
            </Link>
          </p>
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
            {name}
            {patient.archivedAt && <Badge variant="secondary">Archived</Badge>}
          </h1>
          <p className="text-sm text-muted-foreground">
            {SEX_LABELS[patient.sex]} · born {formatDate(patient.dateOfBirth)} ({ageInYears(patient.dateOfBirth)} years)
          </p>
        </div>
        <div className="flex flex-wrap gap-2" data-print-hide>
          <Button variant="outline" asChild>
            <Link href={`/patients/${patient.id}/edit`}>
              <Pencil className="size-4" aria-hidden />
              Edit details
            </Link>
          </Button>
          {/* Downloads, not pages: plain links, so the browser saves the file (both audited as exports) */}
          <Button variant="outline" asChild>
            <a href={`/api/patients/${patient.id}/report.pdf`} download>
              <FileDown className="size-4" aria-hidden />
              Outcome report (PDF)
            </a>
          </Button>
          <Button variant="outline" asChild>
            <a href={`/api/patients/${patient.id}/fhir`} download>
              <FileDown className="size-4" aria-hidden />
              Export (FHIR)
            </a>
          </Button>
          <AccessCopyButton patientId={patient.id} />
          <ArchiveButton patientId={patient.id} archived={Boolean(patient.archivedAt)} name={name} />
        </div>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Details</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
            <div>
              <dt className="text-muted-foreground">Phone</dt>
              <dd>{patient.phone ?? "Not recorded"}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Email</dt>
              <dd className="break-all">{patient.email ?? "Not recorded"}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Body weight</dt>
              <dd>{patient.weight ? `${formatWeightBoth(patient.weight.kg, user.weightUnit)} on ${formatDate(patient.weight.measuredOn)}` : "Not recorded"}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Notes</dt>
              <dd className="whitespace-pre-line">{patient.notes ?? "None"}</dd>
            </div>
          </dl>
        </CardContent>
      </Card>
      <PatientSections scope={scope} patient={patient} timeZone={user.timeZone} />
    </div>
  );
}
