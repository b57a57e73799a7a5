import { exportAccessCopy } from "@/lib/access-copy/export";
import { answerPatientDownload } from "@/lib/routing/patient-download";

export const dynamic = "force-dynamic";

/** "Copy of the record (zip)": the patient's right-of-access copy (lib/access-copy), audited as an export. */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return answerPatientDownload(request, params, async (db, scope, id) => {
    const { zip, patientId } = await exportAccessCopy(db, scope, id, { baseUrl: new URL("/fhir", request.url).toString() });
    return { body: zip, contentType: "application/zip", fileName: `patient-${patientId}-record.zip` };
  });
}
