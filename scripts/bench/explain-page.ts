// Prints the plans of one benchmarked page's queries, for shaping queries and
// indexes without a full load test:
//   DATABASE_URL=…/plumbline_scale npx tsx scripts/bench/explain-page.ts dashboard|clinic|patients|progress-100|progress-10000
import { and, eq } from "drizzle-orm";
import { connectPostgres } from "@/db/client";
import { patients, users } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { BENCH_ADMIN, BENCH_PRACTITIONER } from "../scale/steps";
import { explainAll, openCapturingDb } from "./explain";
import { PAGE_QUERIES } from "./pages";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required");
  const which = process.argv[2] ?? "dashboard";
  const conn = await connectPostgres(url, 2);
  const scopeOf = async (email: string): Promise<Scope> => {
    const [u] = await conn.db.select().from(users).where(eq(users.email, email));
    if (!u) throw new Error(`${email} is missing: run npm run db:seed:scale`);
    return { clinicId: u.clinicId, userId: u.id, role: u.role, email: u.email };
  };
  const scope = await scopeOf(which === "clinic" ? BENCH_ADMIN : BENCH_PRACTITIONER);
  const bench = await conn.db
    .select({ id: patients.id, last: patients.lastName })
    .from(patients)
    .where(and(eq(patients.clinicId, scope.clinicId), eq(patients.firstName, "Benchmark")));
  await conn.close();
  const patientId = bench.find((b) => b.last === (which === "progress-100" ? "Hundred" : "Tenthousand"))?.id ?? "";
  const run =
    which === "dashboard" ? PAGE_QUERIES.dashboard : which === "clinic" ? PAGE_QUERIES.clinicDashboard : which === "patients" ? PAGE_QUERIES.patients : PAGE_QUERIES.progress(patientId);

  const capturing = openCapturingDb(url);
  try {
    const started = performance.now();
    const queries = await capturing.capture((db) => run(db, scope));
    console.log(`${which}: ${queries.length} statements in ${(performance.now() - started).toFixed(1)} ms (first run, cold caches possible)`);
    // REPEAT=<n> runs the page's queries n more times, one after another, and prints the median.
    const repeat = Number(process.env.REPEAT ?? 0);
    if (repeat > 0) {
      const times: number[] = [];
      for (let i = 0; i < repeat; i++) {
        const t = performance.now();
        await capturing.capture((db) => run(db, scope));
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      console.log(`median of ${repeat} runs: ${times[Math.floor(repeat / 2)]!.toFixed(1)} ms (min ${times[0]!.toFixed(1)} ms)`);
    }
    // PLAN=<n> prints the full text plan of the n-th statement.
    const planOf = Number(process.env.PLAN ?? 0);
    const chosen = queries[planOf - 1];
    if (chosen) {
      const { default: postgres } = await import("postgres");
      const raw = postgres(url, { max: 1, onnotice: () => {} });
      const rows = await raw.unsafe(`explain (analyze, buffers) ${chosen.query}`, chosen.params as never[]);
      console.log(rows.map((r) => r["QUERY PLAN"]).join("\n"));
      await raw.end();
    }
    for (const q of await explainAll(url, queries)) {
      const scans = [...new Set(q.scans.map((s) => `${s.node} ${s.relation}${s.index ? ` (${s.index})` : ""} rows=${s.rows}`))].join(" | ");
      console.log(`${(q.executionMs === null ? "write" : `${q.executionMs.toFixed(2)} ms`).padStart(10)} ${q.watchedSeqScans.length ? "SEQ SCAN " : ""}${q.sql.slice(0, 100)}\n           ${scans}`);
    }
  } finally {
    await capturing.close();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
