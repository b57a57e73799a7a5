import { getDb } from "@/db/runtime";
import { readScope } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/errors";
import { exportPatientBundle } from "@/lib/fhir/export";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

/** "Export (FHIR)": the patient's record as a FHIR R4 Bundle (lib/fhir), audited as an export. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const scope = await readScope();
  if (!scope) return Response.json({ error: "Sign in first." }, { status: 401, headers: NO_STORE });
  const { id } = await params;
  const db = await getDb(scope);
  try {
    const bundle = await exportPatientBundle(db, scope, id, { baseUrl: new URL("/fhir", request.url).toString() });
    return new Response(JSON.stringify(bundle, null, 2), {
      headers: {
        ...NO_STORE,
        "content-type": "application/fhir+json; charset=utf-8",
        // The file is named by id only: a name in a download's file name would travel wherever the file goes
        "content-disposition": `attachment; filename="patient-${id}-fhir.json"`,
      },
    });
  } catch (err) {
    if (err instanceof NotFoundError) return Response.json({ error: "Patient not found." }, { status: 404, headers: NO_STORE });
    throw err;
  }
}
