import { sql } from "drizzle-orm";
import type { Connection } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import { raiseNotLoggingAlerts } from "./raise";

const HOUR_MS = 60 * 60 * 1000;

/** One pass of the "stopped logging" check over every clinic with a programme link in force. Returns the alerts raised. */
export async function runAlertChecksOnce(conn: Pick<Connection, "db" | "forClinic">, now = new Date()): Promise<number> {
  const clinics = await queryRows<{ id: string }>(conn.db, sql`select id from clinics_with_live_programme_links(${now.toISOString()}::timestamptz) as id`);
  let raised = 0;
  for (const { id } of clinics) raised += await raiseNotLoggingAlerts(await conn.forClinic(id), { clinicId: id }, now);
  return raised;
}

/**
 * Started with the server: the check now and every hour after (a day's
 * resolution is all the rule needs). A failed pass (the database is down)
 * waits for the next; timers never keep the process alive.
 */
export function startAlertChecks(conn: Pick<Connection, "db" | "forClinic">): void {
  const run = () => {
    runAlertChecksOnce(conn).catch(() => {
      // The health check shows an outage; the next hour tries again.
    });
  };
  run();
  setInterval(run, HOUR_MS).unref();
}
