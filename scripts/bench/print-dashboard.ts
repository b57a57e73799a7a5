// Prints the size of each dashboard list for the benchmark practitioner (a sanity check of the scale data):
//   DATABASE_URL=…/plumbline_scale npx tsx scripts/bench/print-dashboard.ts [clinic]
import { eq } from "drizzle-orm";
import { connectPostgres } from "@/db/client";
import { users } from "@/db/schema";
import { loadDashboard } from "@/lib/dashboard/load";
import { BENCH_ADMIN, BENCH_PRACTITIONER } from "../scale/steps";

async function main() {
  const clinic = process.argv[2] === "clinic";
  const conn = await connectPostgres(process.env.DATABASE_URL!, 10);
  try {
    const [u] = await conn.db.select().from(users).where(eq(users.email, clinic ? BENCH_ADMIN : BENCH_PRACTITIONER));
    const scope = { clinicId: u!.clinicId, userId: u!.id, role: u!.role, email: u!.email };
    const started = performance.now();
    const d = await loadDashboard(conn.db, scope, { view: clinic ? "clinic" : "mine", period: "1y" });
    console.log(`${(performance.now() - started).toFixed(0)} ms`);
    console.log({
      today: d.sessions.today.total,
      week: d.sessions.week.total,
      notImproving: d.notImproving.total,
      due: d.due.total,
      lowAdherence: d.lowAdherence.total,
      drafts: d.drafts.total,
      outcomes: { total: d.outcomes.total, improved: d.outcomes.improved, practitioners: d.outcomes.byPractitioner.length, patterns: d.outcomes.byPattern.length },
    });
  } finally {
    await conn.close();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
