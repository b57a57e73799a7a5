import type { Metadata } from "next";
import { AssessmentForm } from "@/components/assessments/form/assessment-form";
import { PatientEyebrow } from "@/components/assessments/patient-eyebrow";
import { PatientSafetyBanner } from "@/components/patient-flags/patient-safety-banner";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { getFollowUpStart, toFollowUpValues } from "@/lib/assessments/follow-up";
import { loadPatientContext, loadSuggestOptions } from "@/lib/assessments/page-data";
import { writeAudit } from "@/lib/audit";
import { requireScope } from "@/lib/auth/scope";
import { todayIn } from "@/lib/format";

export const metadata: Metadata = { title: "New assessment" };

export default async function NewAssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requireScope();
  const { id } = await params;
  const { patient, timeZone } = await loadPatientContext(scope, id);
  const db = await getDb(scope);
  const [start, suggestOptions] = await Promise.all([getFollowUpStart(db, scope, patient.id), loadSuggestOptions(scope)]);
  await writeAudit(db, scope, { action: "view", entity: "patient", entityId: patient.id, patientId: patient.id, detail: { purpose: "new-assessment" } });
  const today = todayIn(timeZone);
  const name = `${patient.firstName} ${patient.lastName}`;
  const header = <PageHeader eyebrow={<PatientEyebrow patient={patient} />} title={`New assessment: ${name}`} className="pb-0" />;
  if (patient.archivedAt) {
    return (
      <div className="mx-auto grid max-w-6xl gap-6">
        {header}
        <EmptyState title="This patient is archived" description="Restore the patient from their page before recording a new assessment." />
      </div>
    );
  }
  const initial = { region: start.region ?? "lumbar", assessedOn: today, ...toFollowUpValues(start) };
  const followUp = start.previous
    ? { measured: start.measured.map((m) => m.code), instruments: start.instruments, carriedPatterns: start.confirmedPatterns }
    : undefined;
  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      {header}
      <PatientSafetyBanner scope={scope} patientId={patient.id} />
      <AssessmentForm mode="new" patientId={patient.id} initial={initial} sex={patient.sex} suggestions={[]} suggestOptions={suggestOptions} followUp={followUp} today={today} cancelHref={`/patients/${patient.id}`} />
    </div>
  );
}
