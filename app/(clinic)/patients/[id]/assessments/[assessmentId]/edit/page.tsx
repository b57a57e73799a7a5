import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AssessmentForm } from "@/components/assessments/form/assessment-form";
import { PatientEyebrow } from "@/components/assessments/patient-eyebrow";
import { PatientSafetyBanner } from "@/components/patient-flags/patient-safety-banner";
import { PageHeader } from "@/components/ui/page-header";
import { toFormValues } from "@/lib/assessments/content";
import { toAssessmentDate } from "@/lib/assessments/dates";
import { loadPatientContext, orNotFound } from "@/lib/assessments/page-data";
import { getDb } from "@/db/runtime";
import { suggestForAssessment } from "@/lib/assessments/suggestions";
import { getClinicClinicalSettings } from "@/lib/clinic-settings/queries";
import { viewAssessment } from "@/lib/assessments/view";
import { requireScope } from "@/lib/auth/scope";
import { formatDateTime, todayIn } from "@/lib/format";

export const metadata: Metadata = { title: "Edit draft assessment" };

export default async function EditAssessmentPage({ params }: { params: Promise<{ id: string; assessmentId: string }> }) {
  const scope = await requireScope();
  const { id, assessmentId } = await params;
  const [{ patient, timeZone }, { coreRatioFraction }] = await Promise.all([loadPatientContext(scope, id), getClinicClinicalSettings(await getDb(scope), scope)]);
  const { assessment, content, practitionerName } = await orNotFound(viewAssessment(scope, patient.id, assessmentId, "edit"));
  // A signed assessment is never edited as a draft: it is amended with a reason
  if (assessment.status === "signed") redirect(`/patients/${patient.id}/assessments/${assessment.id}/amend`);
  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <PageHeader
        className="pb-0"
        eyebrow={<PatientEyebrow patient={patient} />}
        title={`Draft assessment: ${patient.firstName} ${patient.lastName}`}
        description={`Started by ${practitionerName}; last saved ${formatDateTime(assessment.updatedAt, timeZone)}.`}
      />
      <PatientSafetyBanner scope={scope} patientId={patient.id} />
      <AssessmentForm
        mode="draft"
        patientId={patient.id}
        assessmentId={assessment.id}
        version={assessment.version}
        initial={toFormValues(content, toAssessmentDate(assessment.assessedAt, timeZone))}
        sex={patient.sex}
        suggestions={suggestForAssessment(content.measurements, patient.sex, { coreRatioFraction })}
        today={todayIn(timeZone)}
        cancelHref={`/patients/${patient.id}`}
      />
    </div>
  );
}
