import { getDb } from "@/db/runtime";
import { writeAudit } from "@/lib/audit";
import { getCurrentUser } from "@/lib/auth/current-user";
import { readScope } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/errors";
import { answerUnlessDatabaseDown } from "@/lib/outage/responses";
import { getPatient } from "@/lib/patients/queries";
import { buildSeriesCsv } from "@/lib/progress/csv";
import { parseProgressRange } from "@/lib/progress/range";
import { formatSeriesId, seriesIdSchema } from "@/lib/progress/series-id";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

/** "Download CSV" of one progress chart at full resolution; audited as an export of patient data. */
export function GET(request: Request, context: { params: Promise<{ id: string; series: string }> }) {
  return answerUnlessDatabaseDown(request, () => exportSeries(request, context));
}

async function exportSeries(request: Request, { params }: { params: Promise<{ id: string; series: string }> }) {
  const scope = await readScope();
  if (!scope) return Response.json({ error: "Sign in first." }, { status: 401, headers: NO_STORE });
  const { id, series: rawSeries } = await params;
  const series = seriesIdSchema.safeParse(rawSeries);
  if (!series.success) return Response.json({ error: "Chart not found." }, { status: 404, headers: NO_STORE });
  const range = parseProgressRange(new URL(request.url).searchParams.get("range"));
  const db = await getDb(scope);
  try {
    const patient = await getPatient(db, scope, id);
    const { timeZone } = await getCurrentUser(scope);
    const csv = await buildSeriesCsv(db, scope, patient.id, series.data, range, timeZone);
    const name = formatSeriesId(series.data);
    await writeAudit(db, scope, { action: "export", entity: "progress-series", entityId: patient.id, patientId: patient.id, detail: { series: name, range, format: "csv" } });
    const file = `${patient.lastName}-${patient.firstName}-${name}-${range}.csv`.toLowerCase().replace(/[^a-z0-9.-]+/g, "-");
    return new Response(csv, {
      headers: { ...NO_STORE, "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${file}"` },
    });
  } catch (err) {
    if (err instanceof NotFoundError) return Response.json({ error: "Patient not found." }, { status: 404, headers: NO_STORE });
    throw err;
  }
}
