import { getDb } from "@/db/runtime";
import { writeAudit } from "@/lib/audit";
import { readScope } from "@/lib/auth/scope";
import { buildBenchmarksCsv } from "@/lib/benchmarks/csv";
import { getClinicBenchmarks } from "@/lib/benchmarks/load";
import { parseOutcomePeriod } from "@/lib/dashboard/outcome-periods";
import { answerUnlessDatabaseDown } from "@/lib/outage/responses";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

/** The outcome benchmarks as CSV (admins only: anyone else gets 404, as for the page), audited as an export. */
export function GET(request: Request) {
  return answerUnlessDatabaseDown(request, async () => {
    const scope = await readScope();
    if (!scope) return Response.json({ error: "Sign in first." }, { status: 401, headers: NO_STORE });
    if (scope.role !== "admin") return Response.json({ error: "Not found." }, { status: 404, headers: NO_STORE });
    const period = parseOutcomePeriod(new URL(request.url).searchParams.get("period"));
    const db = await getDb(scope);
    const benchmarks = await getClinicBenchmarks(db, scope, period);
    await writeAudit(db, scope, { action: "export", entity: "clinic-benchmarks", detail: { period, format: "csv", patients: benchmarks.overall.patients } });
    return new Response(buildBenchmarksCsv(benchmarks), {
      headers: { ...NO_STORE, "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="outcome-benchmarks-${period}.csv"` },
    });
  });
}
