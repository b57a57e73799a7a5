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
import { formatInstantDate, todayIn } from "@/lib/format";

export const metadata: Metadata = { title: "Amend assessment" };

export default async function AmendAssessmentPage({ params }: { params: Promise<{ id: string; assessmentId: string }> }) {
  const scope = await requireScope();
  const { id, assessmentId } = await params;
  const [{ patient, timeZone }, { coreRatioFraction }] = await Promise.all([loadPatientContext(scope, id), getClinicClinicalSettings(await getDb(scope), scope)]);
  const { assessment, content } = await orNotFound(viewAssessment(scope, patient.id, assessmentId, "amend"));
  if (assessment.status === "draft") redirect(`/patients/${patient.id}/assessments/${assessment.id}/edit`);
  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <PageHeader
        className="pb-0"
        eyebrow={<PatientEyebrow patient={patient} />}
        title={`Amend the assessment of ${formatInstantDate(assessment.assessedAt, timeZone)}`}
        description={`Revision ${assessment.revision} is signed. Your changes become revision ${assessment.revision + 1}, with the reason you give; revision ${assessment.revision} stays readable.`}
      />
      <PatientSafetyBanner scope={scope} patientId={patient.id} />
      <AssessmentForm
        mode="amend"
        patientId={patient.id}
        assessmentId={assessment.id}
        version={assessment.version}
        initial={toFormValues(content, toAssessmentDate(assessment.assessedAt, timeZone))}
        sex={patient.sex}
        suggestions={suggestForAssessment(content.measurements, patient.sex, { coreRatioFraction })}
        today={todayIn(timeZone)}
        cancelHref={`/patients/${patient.id}/assessments/${assessment.id}`}
      />
    </div>
  );
}
