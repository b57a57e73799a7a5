import type { Database } from "@/db/client";
import { purgeExpiredImports } from "./mutations";

const HOUR_MS = 60 * 60 * 1000;

/**
 * Deletes expired patient imports now and then every hour, so staged patient
 * data is gone within about a day and an hour even if nobody opens the import
 * again. The timer never keeps the process alive; a failed run (the database
 * is down) waits for the next.
 */
export function startImportExpiry(db: Database): void {
  const run = () => {
    purgeExpiredImports(db).catch(() => {
      // Nothing to report beyond the outage the health check already shows; the next hour tries again.
    });
  };
  run();
  setInterval(run, HOUR_MS).unref();
}
