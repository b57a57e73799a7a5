import { exportOutcomeReport } from "@/lib/reports/export";
import { answerPatientDownload } from "@/lib/routing/patient-download";

export const dynamic = "force-dynamic";

/** The one-page outcome report for referrers and insurers (lib/reports), audited as an export. */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return answerPatientDownload(request, params, async (db, scope, id) => {
    const { pdf, patientId } = await exportOutcomeReport(db, scope, id);
    return { body: new Uint8Array(pdf), contentType: "application/pdf", fileName: `patient-${patientId}-outcome-report.pdf` };
  });
}
