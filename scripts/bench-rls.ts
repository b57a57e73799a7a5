// `npm run bench:rls`: what row-level security costs the benchmarked pages.
// Runs each page's database work (the functions the pages call, scripts/bench/pages.ts)
// three ways, in alternating rounds at the HTTP benchmark's concurrency:
//   owner   the pre-RLS path: superuser, no clinic setting, policies bypassed
//   before  the runtime role (APP_DB_ROLE), policies enforced, through the scoped handle as issue 9
//           first merged it: two round trips per lone statement (scripts/bench/legacy-scope.ts)
//   after   the runtime role through today's scoped handle (db/scoped.ts scopePostgres): what the
//           server runs, one round trip per lone statement
// A per-request reserved connection (clinic set once per session, reset on release) was measured
// too and lost to "after" at this concurrency; see docs/benchmarks-rls.md.
// BENCH_POOL sets every variant's pool size (default 10, the server's).
// Writes docs/benchmarks-rls.md. Needs the scale data set:
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/plumbline_scale npm run bench:rls
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import type { Sql } from "postgres";
import { connectPostgres, type Database } from "@/db/client";
import { scopePostgresBefore } from "./bench/legacy-scope";
import { queryRows } from "@/db/query-rows";
import { patients, users } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { getEnv } from "@/lib/env";
import { runConcurrently, summarize, type Timing } from "./bench/audit-overhead";
import { PAGE_QUERIES, type PageQueries } from "./bench/pages";
import { keepNotes } from "./bench/report";
import { BENCH_PRACTITIONER } from "./scale/steps";

const CONCURRENCY = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const PER_ROUND = Number(process.env.BENCH_PER_ROUND ?? 200);
const POOL = Number(process.env.BENCH_POOL ?? 10);
const VARIANTS = ["owner", "before", "after"] as const;
type Variant = (typeof VARIANTS)[number];

async function loadBench(db: Database) {
  const [u] = await db.select().from(users).where(eq(users.email, BENCH_PRACTITIONER));
  if (!u) throw new Error(`${BENCH_PRACTITIONER} is missing: load the data set first with npm run db:seed:scale`);
  const scope: Scope = { clinicId: u.clinicId, userId: u.id, role: u.role, email: u.email, ip: "127.0.0.1" };
  const bench = await db.select({ id: patients.id, lastName: patients.lastName }).from(patients).where(and(eq(patients.clinicId, u.clinicId), eq(patients.firstName, "Benchmark")));
  const idOf = (last: string) => bench.find((b) => b.lastName === last)?.id ?? "";
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from patient`);
  return { scope, hundred: idOf("Hundred"), tenThousand: idOf("Tenthousand"), patientCount: row?.n ?? 0 };
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required: point it at the scale data set (npm run db:seed:scale).");
  const appUrl = new URL(url);
  appUrl.username = getEnv().APP_DB_ROLE;
  appUrl.password = process.env.APP_DB_PASSWORD ?? "";
  const owner = await connectPostgres(url, POOL);
  const app = await connectPostgres(appUrl.toString(), POOL);
  const closers: (() => Promise<void>)[] = [];
  try {
    const data = await loadBench(owner.db);
    const pages: { label: string; run: PageQueries }[] = [
      { label: "Dashboard (own caseload)", run: PAGE_QUERIES.dashboard },
      { label: "Patient list with a search", run: PAGE_QUERIES.patients },
      { label: "Progress, 100 measurements", run: PAGE_QUERIES.progress(data.hundred) },
      { label: "Progress, 10,000 measurements", run: PAGE_QUERIES.progress(data.tenThousand) },
    ];
    const appClient = (await import("postgres")).default(appUrl.toString(), { max: POOL, onnotice: () => {} }) as Sql;
    closers.push(() => appClient.end({ timeout: 5 }));
    const handles: Record<Variant, Database> = {
      owner: owner.db,
      before: await scopePostgresBefore(appClient, data.scope.clinicId),
      after: await app.forClinic(data.scope.clinicId),
    };
    const results = [];
    // BENCH_ONLY=search runs the pages whose label contains it.
    for (const page of pages.filter((p) => p.label.toLowerCase().includes((process.env.BENCH_ONLY ?? "").toLowerCase()))) {
      console.log(`${page.label}…`);
      const times: Record<Variant, number[]> = { owner: [], before: [], after: [] };
      const roundRatios: Record<Exclude<Variant, "owner">, number[]> = { before: [], after: [] };
      for (const v of VARIANTS) await runConcurrently(PER_ROUND / 2, CONCURRENCY, () => page.run(handles[v], data.scope)); // warm-up
      for (let r = 0; r < ROUNDS; r++) {
        // The order turns each round so no variant always runs first.
        const order = r % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
        const round: Partial<Record<Variant, number[]>> = {};
        for (const v of order) {
          round[v] = await runConcurrently(PER_ROUND, CONCURRENCY, () => page.run(handles[v], data.scope));
          times[v].push(...round[v]);
        }
        for (const v of ["before", "after"] as const) roundRatios[v].push(summarize(round[v]!).p95 / summarize(round.owner!).p95);
      }
      const t = Object.fromEntries(VARIANTS.map((v) => [v, summarize(times[v])])) as Record<Variant, Timing>;
      results.push({ page: page.label, t, roundRatios });
    }
    writeReport(results, data.patientCount);
  } finally {
    await owner.close();
    await app.close();
    for (const close of closers) await close();
  }
}

type Result = { page: string; t: Record<Variant, Timing>; roundRatios: Record<Exclude<Variant, "owner">, number[]> };

function writeReport(results: Result[], patientCount: number) {
  const ms = (x: number) => x.toFixed(1);
  const pct = (a: number, b: number) => `${((a / b - 1) * 100 >= 0 ? "+" : "")}${((a / b - 1) * 100).toFixed(1)} %`;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  // The median of the per-round ratios, then the range: on a shared machine the rounds disagree.
  const spread = (xs: number[]) => `${median(xs).toFixed(2)} (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;
  const lines = [
    "# Row-level security: what it costs the benchmarked pages",
    "",
    `Generated by \`npm run bench:rls\` on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${os.availableParallelism()} cores shared with the load generator, ` +
      `${patientCount.toLocaleString("en")} patients in the data set. Each page's database work (the functions the page calls) ` +
      `ran ${ROUNDS} alternating rounds of ${PER_ROUND} page loads per variant at ${CONCURRENCY} concurrent callers over a pool of ${POOL}.`,
    "",
    "- **owner**: the path before issue 9: a superuser, no clinic setting, policies bypassed.",
    "- **before**: the runtime role, policies enforced, through the scoped handle as issue 9 first merged it: a transaction with `select set_config(…, true)` per lone statement, two round trips.",
    "- **after**: the runtime role through today's scoped handle (`getDb(scope)`): `begin; set local app.clinic_id`, the statement and `commit` pipelined into one round trip.",
    "",
    "| page | owner p50 / p95 ms | before p50 / p95 ms | after p50 / p95 ms | p95 before vs owner | p95 after vs owner | per-round p95 ratio vs owner, median (min–max): before / after |",
    "|---|---|---|---|---|---|---|",
    ...results.map(({ page, t, roundRatios }) =>
      `| ${page} | ${ms(t.owner.p50)} / ${ms(t.owner.p95)} | ${ms(t.before.p50)} / ${ms(t.before.p95)} | ${ms(t.after.p50)} / ${ms(t.after.p95)} | ${pct(t.before.p95, t.owner.p95)} | ${pct(t.after.p95, t.owner.p95)} | ${spread(roundRatios.before)} / ${spread(roundRatios.after)} |`,
    ),
    "",
  ];
  const out = path.join(process.cwd(), "docs", "benchmarks-rls.md");
  lines.push(keepNotes(out), "");
  writeFileSync(out, lines.join("\n"));
  console.log(lines.join("\n"));
  console.log(`Wrote ${out}`);
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
