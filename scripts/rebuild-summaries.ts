// `npm run db:rebuild-summaries`: recomputes every clinic's patient summary rows and patient
// counts from the source tables (lib/summaries), as the owner, one clinic per transaction
// under that clinic's row-level security setting. Needed after a bulk load that skipped
// triggers or wrote the tables directly (npm run db:seed:scale runs it); otherwise the app
// keeps both up to date itself.
import { sql } from "drizzle-orm";
import { openAsOwner } from "@/db/client";
import { clinics } from "@/db/schema";
import { rebuildPatientCounts } from "@/lib/patients/counts";
import { rebuildClinicSummaries } from "@/lib/summaries/refresh";

async function main() {
  const conn = await openAsOwner();
  try {
    const started = Date.now();
    // The clinic table's own policy admits a clinic's row only under its setting; the owner reads them all when it bypasses RLS.
    const all = await conn.db.select({ id: clinics.id }).from(clinics);
    if (all.length === 0) console.log("No clinics visible: run this as the tables' owner with BYPASSRLS (MIGRATION_DATABASE_URL).");
    for (const { id } of all) {
      const n = await conn.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('app.clinic_id', ${id}, true)`);
        await rebuildPatientCounts(tx, { clinicId: id });
        return rebuildClinicSummaries(tx, { clinicId: id });
      });
      console.log(`clinic ${id}: ${n.toLocaleString("en-GB")} patients summarised`);
    }
    console.log(`Summaries rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await conn.close();
  }
}

main().catch((err: Error & { cause?: Error }) => {
  console.error(err.cause?.message ?? err.message);
  process.exit(1);
});
