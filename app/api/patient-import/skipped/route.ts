import { getDb } from "@/db/runtime";
import { writeAudit } from "@/lib/audit";
import { readScope } from "@/lib/auth/scope";
import { isAdmin } from "@/lib/auth/scope-types";
import { NotFoundError } from "@/lib/errors";
import { answerUnlessDatabaseDown } from "@/lib/outage/responses";
import { buildSkippedCsv } from "@/lib/patient-import/queries";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

/** The rows of a patient import that were not imported, with their reasons, as CSV (admins; audited as an export). */
export function GET(request: Request) {
  return answerUnlessDatabaseDown(request, () => downloadSkipped(request));
}

async function downloadSkipped(request: Request) {
  const scope = await readScope();
  if (!scope) return Response.json({ error: "Sign in first." }, { status: 401, headers: NO_STORE });
  if (!isAdmin(scope)) return Response.json({ error: "Not found." }, { status: 404, headers: NO_STORE });
  const importId = new URL(request.url).searchParams.get("id") ?? "";
  const db = await getDb(scope);
  try {
    const { csv, rows } = await buildSkippedCsv(db, scope, importId);
    await writeAudit(db, scope, { action: "export", entity: "patient-import", entityId: importId, detail: { rows, format: "csv" } });
    return new Response(csv, {
      headers: { ...NO_STORE, "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="skipped-rows.csv"' },
    });
  } catch (err) {
    if (err instanceof NotFoundError) return Response.json({ error: "Import not found." }, { status: 404, headers: NO_STORE });
    throw err;
  }
}
