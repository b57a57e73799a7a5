import { getDb } from "@/db/runtime";
import { readScope } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/errors";
import { exportOutcomeReport } from "@/lib/reports/export";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

/** The one-page outcome report for referrers and insurers (lib/reports), audited as an export. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const scope = await readScope();
  if (!scope) return Response.json({ error: "Sign in first." }, { status: 401, headers: NO_STORE });
  const { id } = await params;
  const db = await getDb(scope);
  try {
    const { pdf, patientId } = await exportOutcomeReport(db, scope, id);
    return new Response(new Uint8Array(pdf), {
      headers: {
        ...NO_STORE,
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="patient-${patientId}-outcome-report.pdf"`,
      },
    });
  } catch (err) {
    if (err instanceof NotFoundError) return Response.json({ error: "Patient not found." }, { status: 404, headers: NO_STORE });
    throw err;
  }
}
