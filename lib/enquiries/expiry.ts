import type { Database } from "@/db/client";
import { purgeExpiredEnquiries } from "./mutations";

const HOUR_MS = 60 * 60 * 1000;

/** Deletes enquiries past their clinic's retention now and every hour after (like lib/patient-import/expiry.ts). */
export function startEnquiryExpiry(db: Database): void {
  const run = () => {
    purgeExpiredEnquiries(db).catch(() => {
      // The database is down: the health check shows it; the next hour tries again.
    });
  };
  run();
  setInterval(run, HOUR_MS).unref();
}
