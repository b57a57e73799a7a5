import type { Metadata } from "next";
import { AssessmentForm } from "@/components/assessments/form/assessment-form";
import { PatientEyebrow } from "@/components/assessments/patient-eyebrow";
import { PatientSafetyBanner } from "@/components/patient-flags/patient-safety-banner";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { getFollowUpStart, toFollowUpValues } from "@/lib/assessments/follow-up";
import { toInstrumentValues } from "@/lib/assessments/content";
import { loadPatientContext, loadSuggestOptions, orNotFound } from "@/lib/assessments/page-data";
import { writeAudit } from "@/lib/audit";
import { requireScope } from "@/lib/auth/scope";
import { getInstrument } from "@/lib/clinical/instruments/descriptors";
import { formatInstantDate, todayIn } from "@/lib/format";
import { getCompletedReport } from "@/lib/patient-reports/queries";
import { holdForE2e } from "@/lib/e2e-hold";
import { MAX_REPORTS_TAKEN } from "@/lib/assessments/validate-form";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "New assessment" };

export default async function NewAssessmentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ report?: string | string[] }> }) {
  await holdForE2e();
  const scope = await requireScope();
  const { id } = await params;
  const { report: reportParam } = await searchParams;
  const { patient, timeZone } = await loadPatientContext(scope, id);
  const db = await getDb(scope);
  // Patient-reported drafts to take in (a questionnaire, or an intake's NPRS and ODI): another patient's,
  // a decided one, a made-up id or more than one per instrument is a real 404.
  const reportIds = [...new Set(typeof reportParam === "string" ? [reportParam] : (reportParam ?? []))];
  if (reportIds.length > MAX_REPORTS_TAKEN) notFound();
  const [start, suggestOptions, reports] = await Promise.all([
    getFollowUpStart(db, scope, patient.id),
    loadSuggestOptions(scope),
    Promise.all(reportIds.map((reportId) => orNotFound(getCompletedReport(db, scope, patient.id, reportId)))),
  ]);
  if (new Set(reports.map((r) => r.content.instrument)).size !== reports.length) notFound();
  await writeAudit(db, scope, { action: "view", entity: "patient", entityId: patient.id, patientId: patient.id, detail: { purpose: "new-assessment", ...(reports.length > 0 ? { patientReportIds: reports.map((r) => r.id) } : {}) } });
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
  const initial = { region: start.region ?? "lumbar", assessedOn: today, ...toFollowUpValues(start), ...Object.assign({}, ...reports.map((r) => toInstrumentValues(r.content))) };
  const fromReports = reports.map((r) => ({ id: r.id, label: `${getInstrument(r.content.instrument).label} prefilled with the patient's answers, reported ${formatInstantDate(r.completedAt, timeZone)}` }));
  const followUp = start.previous
    ? { measured: start.measured.map((m) => m.code), instruments: start.instruments, carriedPatterns: start.confirmedPatterns }
    : undefined;
  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      {header}
      <PatientSafetyBanner scope={scope} patientId={patient.id} />
      <AssessmentForm mode="new" patientId={patient.id} initial={initial} sex={patient.sex} suggestions={[]} suggestOptions={suggestOptions} followUp={followUp} fromReports={fromReports} today={today} cancelHref={`/patients/${patient.id}`} />
    </div>
  );
}
