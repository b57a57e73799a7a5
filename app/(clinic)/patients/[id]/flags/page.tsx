import type { Metadata } from "next";
import { ShieldCheck } from "@/components/ui/icons";
import { PatientEyebrow } from "@/components/assessments/patient-eyebrow";
import { FlagTable } from "@/components/patient-flags/flag-table";
import { PatientSafetyBanner } from "@/components/patient-flags/patient-safety-banner";
import { RecordFlagForm } from "@/components/patient-flags/record-flag-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { loadPatientContext } from "@/lib/assessments/page-data";
import { writeAudit } from "@/lib/audit";
import { requireScope } from "@/lib/auth/scope";
import { todayIn } from "@/lib/format";
import { listPatientFlags } from "@/lib/patient-flags/queries";

export const metadata: Metadata = { title: "Safety flags" };

export default async function PatientFlagsPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requireScope();
  const { id } = await params;
  const { patient, timeZone } = await loadPatientContext(scope, id);
  const db = await getDb(scope);
  const flags = await listPatientFlags(db, scope, patient.id);
  await writeAudit(db, scope, { action: "view", entity: "patient_flag", patientId: patient.id });
  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <PageHeader
        className="pb-0"
        eyebrow={<PatientEyebrow patient={patient} />}
        title={`Safety flags: ${patient.firstName} ${patient.lastName}`}
        description="Red flags, contraindications and precautions, each dated, with its source and who recorded it. Resolving a flag keeps it in the history."
      />
      <PatientSafetyBanner scope={scope} patientId={patient.id} manageLink={false} />
      <section aria-labelledby="record-title">
        <Card>
          <CardHeader>
            <CardTitle asChild>
              <h2 id="record-title">Record a flag</h2>
            </CardTitle>
            <CardDescription>Contraindications and red flags stop decompression being assigned; a cauda equina red flag prompts an urgent referral.</CardDescription>
          </CardHeader>
          <CardContent>
            <RecordFlagForm patientId={patient.id} today={todayIn(timeZone)} />
          </CardContent>
        </Card>
      </section>
      <section aria-labelledby="history-title">
        <Card>
          <CardHeader>
            <CardTitle asChild>
              <h2 id="history-title">Recorded flags</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            {flags.length === 0 ? (
              <EmptyState icon={ShieldCheck} titleAs="h3" title="Nothing recorded" description="No red flags, contraindications or precautions have been recorded for this patient." />
            ) : (
              <FlagTable flags={flags} patientId={patient.id} timeZone={timeZone} />
            )}
          </CardContent>
        </Card>
      </section>
    </div>
  );
}
