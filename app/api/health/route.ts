import { sql } from "drizzle-orm";
import { getDb } from "@/db/runtime";

export const dynamic = "force-dynamic";

/** For load balancers and uptime checks: is the app up, and does the database answer? */
export async function GET() {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok", database: "up" }, { headers: { "cache-control": "no-store" } });
  } catch {
    return Response.json({ status: "error", database: "down" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
