// EXPLAIN (ANALYZE, BUFFERS) of every statement of one dashboard load, replayed as the runtime
// role under row-level security (app.clinic_id set, as db/scoped.ts does), for issue 11:
//   MIGRATION_DATABASE_URL=…owner… DATABASE_URL=…runtime role… npx tsx scripts/bench/explain-dashboard.ts prac01@north.scale.test [clinic]
// REPEAT=<n> (default 5) replays the set n times and prints each statement's median.
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { connectPostgres } from "@/db/client";
import { users } from "@/db/schema";
import { loadDashboard } from "@/lib/dashboard/load";
import type { Scope } from "@/lib/auth/scope-types";
import { openCapturingDb } from "./explain";

type Plan = { "Execution Time": number; "Planning Time": number; Plan: { "Shared Hit Blocks"?: number; "Shared Read Blocks"?: number } };

async function main() {
  const runtimeUrl = process.env.DATABASE_URL;
  const ownerUrl = process.env.MIGRATION_DATABASE_URL ?? runtimeUrl;
  if (!runtimeUrl || !ownerUrl) throw new Error("DATABASE_URL is required");
  const email = process.argv[2] ?? "prac01@north.scale.test";
  const view = process.argv[3] === "clinic" ? "clinic" : "mine";
  const owner = await connectPostgres(ownerUrl, 2);
  const [u] = await owner.db.select().from(users).where(eq(users.email, email));
  await owner.close();
  if (!u) throw new Error(`${email} is missing: run npm run db:seed:scale`);
  const scope: Scope = { clinicId: u.clinicId, userId: u.id, role: u.role, email: u.email };

  const capturing = openCapturingDb(ownerUrl);
  const queries = await capturing.capture((db) => loadDashboard(db, scope, { view, period: "1y" }));
  await capturing.close();
  const reads = queries.filter((q) => /^\s*(select|with)\b/i.test(q.query));

  const sql = postgres(runtimeUrl, { max: 1, onnotice: () => {} });
  const repeat = Number(process.env.REPEAT ?? 5);
  const times: number[][] = reads.map(() => []);
  const buffers: string[] = [];
  try {
    for (let round = 0; round < repeat; round++) {
      for (const [i, q] of reads.entries()) {
        const plan = await sql.begin(async (tx) => {
          await tx.unsafe("select set_config('app.clinic_id', $1, true)", [scope.clinicId]);
          const rows = await tx.unsafe(`explain (analyze, buffers, format json) ${q.query}`, q.params as never[]);
          return (rows[0] as Record<string, Plan[]>)["QUERY PLAN"]![0]!;
        });
        times[i]!.push(plan["Execution Time"]);
        if (round === 0) buffers.push(`hit ${plan.Plan["Shared Hit Blocks"] ?? 0}, read ${plan.Plan["Shared Read Blocks"] ?? 0}`);
      }
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
  // PLAN=<n> prints the text plan of the n-th read.
  const chosen = reads[Number(process.env.PLAN ?? 0) - 1];
  if (chosen) {
    const raw = postgres(runtimeUrl, { max: 1, onnotice: () => {} });
    const text = await raw.begin(async (tx) => {
      await tx.unsafe("select set_config('app.clinic_id', $1, true)", [scope.clinicId]);
      return tx.unsafe(`explain (analyze, buffers) ${chosen.query}`, chosen.params as never[]);
    });
    console.log(text.map((r) => r["QUERY PLAN"]).join("\n"));
    await raw.end();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  let total = 0;
  console.log(`${email} view=${view}: ${reads.length} reads, median of ${repeat} rounds`);
  for (const [i, q] of reads.entries()) {
    const m = median(times[i]!);
    total += m;
    console.log(`${m.toFixed(2).padStart(9)} ms  ${buffers[i]!.padEnd(22)} ${q.query.replace(/\s+/g, " ").trim().slice(0, 110)}`);
  }
  console.log(`${total.toFixed(2).padStart(9)} ms  total (sum of medians)`);
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
