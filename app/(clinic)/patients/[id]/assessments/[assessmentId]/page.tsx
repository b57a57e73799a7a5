import type { Metadata } from "next";
import Link from "next/link";
import { FilePenLine, Pencil } from "@/components/ui/icons";
import { AssessmentContentView } from "@/components/assessments/assessment-content-view";
import { listAssessmentFindings } from "@/lib/assessments/suggestions";
import { AssessmentStatusBadge } from "@/components/assessments/assessment-status-badge";
import { PatientEyebrow } from "@/components/assessments/patient-eyebrow";
import { RevisionList } from "@/components/assessments/revision-list";
import { PatientSafetyBanner } from "@/components/patient-flags/patient-safety-banner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { loadPatientContext, orNotFound } from "@/lib/assessments/page-data";
import { viewAssessment } from "@/lib/assessments/view";
import { requireScope } from "@/lib/auth/scope";
import { formatDateTime, formatInstantDate } from "@/lib/format";

export const metadata: Metadata = { title: "Assessment" };

export default async function AssessmentPage({ params }: { params: Promise<{ id: string; assessmentId: string }> }) {
  const scope = await requireScope();
  const { id, assessmentId } = await params;
  const { patient, timeZone } = await loadPatientContext(scope, id);
  const { assessment, content, revisions, practitionerName } = await orNotFound(viewAssessment(scope, patient.id, assessmentId));
  const base = `/patients/${patient.id}/assessments/${assessment.id}`;
  const signed = assessment.status === "signed";
  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <PageHeader
        className="pb-0"
        eyebrow={<PatientEyebrow patient={patient} />}
        title={`Assessment of ${formatInstantDate(assessment.assessedAt, timeZone)}`}
        description={`${patient.firstName} ${patient.lastName} · assessed by ${practitionerName}${assessment.signedAt ? ` · signed ${formatDateTime(assessment.signedAt, timeZone)}` : ""}`}
        actions={
          signed ? (
            <Button variant="outline" asChild>
              <Link href={`${base}/amend`}>
                <FilePenLine aria-hidden />
                Amend
              </Link>
            </Button>
          ) : (
            <Button asChild>
              <Link href={`${base}/edit`}>
                <Pencil aria-hidden />
                Continue editing
              </Link>
            </Button>
          )
        }
      >
        <div>
          <AssessmentStatusBadge assessment={assessment} />
        </div>
      </PageHeader>
      <PatientSafetyBanner scope={scope} patientId={patient.id} />
      <Card>
        <CardContent>
          <AssessmentContentView content={content} findings={listAssessmentFindings(content.measurements, patient.sex)} />
        </CardContent>
      </Card>
      <section aria-labelledby="revisions-title">
        <Card>
          <CardHeader>
            <CardTitle asChild>
              <h2 id="revisions-title">Signed revisions</h2>
            </CardTitle>
            <CardDescription>
              {signed ? "A signed assessment changes only by an amendment with a reason; every revision stays readable." : "Not signed yet: the first revision is written when it is signed."}
            </CardDescription>
          </CardHeader>
          {revisions.length > 0 && (
            <CardContent>
              <RevisionList revisions={revisions} timeZone={timeZone} />
            </CardContent>
          )}
        </Card>
      </section>
    </div>
  );
}
