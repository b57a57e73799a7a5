import { exportPatientBundle } from "@/lib/fhir/export";
import { answerPatientDownload } from "@/lib/routing/patient-download";

export const dynamic = "force-dynamic";

/** "Export (FHIR)": the patient's record as a FHIR R4 Bundle (lib/fhir), audited as an export. */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return answerPatientDownload(request, params, async (db, scope, id) => {
    const bundle = await exportPatientBundle(db, scope, id, { baseUrl: new URL("/fhir", request.url).toString() });
    return { body: JSON.stringify(bundle, null, 2), contentType: "application/fhir+json; charset=utf-8", fileName: `patient-${id}-fhir.json` };
  });
}
