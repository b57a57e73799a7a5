import { getUnscopedDb } from "@/db/runtime";
import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

/** For load balancers and uptime checks: is the app up, and does the database answer? */
export async function GET() {
  const health = await checkHealth(getUnscopedDb);
  return Response.json(health, { status: health.database === "up" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
