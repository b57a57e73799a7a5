import { redirect } from "next/navigation";
import { AssessmentForm } from "@/components/assessments/form/assessment-form";
import { PatientEyebrow } from "@/components/assessments/patient-eyebrow";
import { PatientSafetyBanner } from "@/components/patient-flags/patient-safety-banner";
import { PageHeader } from "@/components/ui/page-header";
import { toFormValues } from "@/lib/assessments/content";
import { toAssessmentDate } from "@/lib/assessments/dates";
import { loadPatientContext, loadSuggestOptions, orNotFound } from "@/lib/assessments/page-data";
import { suggestForAssessment } from "@/lib/assessments/suggestions";
import { viewAssessment } from "@/lib/assessments/view";
import { requireScope } from "@/lib/auth/scope";
import { formatDateTime, formatInstantDate, todayIn } from "@/lib/format";

type Params = Promise<{ id: string; assessmentId: string }>;

/**
 * The edit-draft and amend-signed pages: one page, two modes. A draft is
 * edited in place; a signed assessment is amended with a reason. Each mode
 * sends the other kind of assessment to its own page.
 */
export async function ReviseAssessmentPage({ params, mode }: { params: Params; mode: "draft" | "amend" }) {
  const scope = await requireScope();
  const { id, assessmentId } = await params;
  const [{ patient, timeZone }, suggestOptions] = await Promise.all([loadPatientContext(scope, id), loadSuggestOptions(scope)]);
  const { assessment, content, practitionerName } = await orNotFound(viewAssessment(scope, patient.id, assessmentId, mode === "draft" ? "edit" : "amend"));
  const base = `/patients/${patient.id}/assessments/${assessment.id}`;
  // A signed assessment is never edited as a draft, and a draft is never amended
  if (mode === "draft" && assessment.status === "signed") redirect(`${base}/amend`);
  if (mode === "amend" && assessment.status === "draft") redirect(`${base}/edit`);
  const header =
    mode === "draft"
      ? {
          title: `Draft assessment: ${patient.firstName} ${patient.lastName}`,
          description: `Started by ${practitionerName}; last saved ${formatDateTime(assessment.updatedAt, timeZone)}.`,
        }
      : {
          title: `Amend the assessment of ${formatInstantDate(assessment.assessedAt, timeZone)}`,
          description: `Revision ${assessment.revision} is signed. Your changes become revision ${assessment.revision + 1}, with the reason you give; revision ${assessment.revision} stays readable.`,
        };
  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <PageHeader className="pb-0" eyebrow={<PatientEyebrow patient={patient} />} title={header.title} description={header.description} />
      <PatientSafetyBanner scope={scope} patientId={patient.id} />
      <AssessmentForm
        mode={mode}
        patientId={patient.id}
        assessmentId={assessment.id}
        version={assessment.version}
        initial={toFormValues(content, toAssessmentDate(assessment.assessedAt, timeZone))}
        sex={patient.sex}
        suggestions={suggestForAssessment(content.measurements, patient.sex, suggestOptions)}
        suggestOptions={suggestOptions}
        today={todayIn(timeZone)}
        cancelHref={mode === "draft" ? `/patients/${patient.id}` : base}
      />
    </div>
  );
}
