// `npm run bench`: load-tests the production server on the scale data set
// (`npm run db:seed:scale`) and writes docs/benchmarks.md. A manual command:
// it takes a few minutes and the numbers depend on the machine, so CI never
// runs it.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/plumbline_scale npm run bench
// Optional: BENCH_PORT (3131), NEXT_DIST_DIR (.next-bench), BENCH_SECONDS (20), BENCH_ROUNDS (3).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import { connectPostgres } from "@/db/client";
import { patients, users } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { measureAuditOverhead } from "./bench/audit-overhead";
import { explainAll, openCapturingDb, readScanCounters, WATCHED_TABLES } from "./bench/explain";
import { mergeLoads, runLoad, type LoadResult } from "./bench/load";
import { PAGE_QUERIES, PATIENT_SEARCH } from "./bench/pages";
import { writeReport, type BenchReport, type TargetRun } from "./bench/report";
import { buildIfNeeded, readServerMemory, startServer, withGcProbe } from "./bench/server";
import { signInAs } from "./bench/sign-in";
import { runSoak, writeSoakSection, type SoakResult } from "./bench/soak";
import { BENCH_ADMIN, BENCH_PRACTITIONER, SCALE_PASSWORD, SCALE_TABLES } from "./scale/steps";

const CONNECTIONS = 32;
const WARMUP_SECONDS = 5;
// PostgreSQL backends flush table statistics at most every 10 s when idle (PGSTAT_IDLE_INTERVAL).
const STATS_FLUSH_MS = 11_000;

async function loadScopes(url: string) {
  const conn = await connectPostgres(url, 2);
  try {
    const db = conn.db;
    const scopeOf = async (email: string): Promise<Scope> => {
      const [u] = await db.select().from(users).where(eq(users.email, email));
      if (!u) throw new Error(`${email} is missing: load the data set first with npm run db:seed:scale`);
      return { clinicId: u.clinicId, userId: u.id, role: u.role, email: u.email, ip: "127.0.0.1" };
    };
    const practitioner = await scopeOf(BENCH_PRACTITIONER);
    const admin = await scopeOf(BENCH_ADMIN);
    const bench = await db
      .select({ id: patients.id, lastName: patients.lastName })
      .from(patients)
      .where(and(eq(patients.clinicId, practitioner.clinicId), eq(patients.firstName, "Benchmark")));
    const idOf = (last: string) => bench.find((b) => b.lastName === last)?.id ?? "";
    const [caseload] = await db
      .select({ n: count() })
      .from(patients)
      .where(and(eq(patients.clinicId, practitioner.clinicId), eq(patients.practitionerId, practitioner.userId), isNull(patients.archivedAt)));
    const counts: Record<string, number> = {};
    for (const table of SCALE_TABLES) {
      const [row] = (await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { n: number }[];
      counts[table] = row?.n ?? 0;
    }
    const [meta] = (await db.execute(
      sql`select shobj_description(oid, 'pg_database') as seed, version() as version from pg_database where datname = current_database()`,
    )) as unknown as { seed: string | null; version: string }[];
    return { practitioner, admin, hundred: idOf("Hundred"), tenThousand: idOf("Tenthousand"), caseload: caseload?.n ?? 0, counts, meta: meta! };
  } finally {
    await conn.close();
  }
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is required: point it at the scale data set (npm run db:seed:scale).");
    process.exit(1);
  }
  const port = Number(process.env.BENCH_PORT ?? 3131);
  const distDir = process.env.NEXT_DIST_DIR ?? ".next-bench";
  const seconds = Number(process.env.BENCH_SECONDS ?? 20);
  const data = await loadScopes(url);
  if (!data.hundred || !data.tenThousand) throw new Error("the benchmark patients are missing: reload with npm run db:seed:scale");

  const env = {
    ...process.env,
    DATABASE_URL: url,
    NEXT_DIST_DIR: distDir,
    HOST: "127.0.0.1",
    PORT: String(port),
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(33).toString("base64"),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  buildIfNeeded(env);

  const targets = [
    { key: "health", label: "Floor: /api/health", path: "/api/health", as: "nobody", marker: '"status":"ok"' },
    { key: "dashboard", label: "Dashboard (own caseload)", path: "/", as: "practitioner", marker: "Not improving" },
    { key: "patients", label: "Patient list with a search", path: `/patients?q=${PATIENT_SEARCH}`, as: "practitioner", marker: "patients" },
    { key: "progress-100", label: "Progress, 100 measurements", path: `/patients/${data.hundred}/progress`, as: "practitioner", marker: "Benchmark Hundred" },
    { key: "progress-10000", label: "Progress, 10,000 measurements", path: `/patients/${data.tenThousand}/progress`, as: "practitioner", marker: "Benchmark Tenthousand" },
    // The clinic-wide view aggregates 25,000 patients per request: at 32 connections nothing would finish inside the timeout.
    { key: "clinic-dashboard", label: "Dashboard, whole clinic (admin; no target)", path: "/?view=clinic", as: "admin", marker: "Clinic outcomes", connections: 2 },
  ] as const;

  // The two progress pages are measured in alternation, ROUNDS times each, and each page's runs pooled, so a
  // change in the shared machine's load hits both alike and their ratio stays meaningful.
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const order = [
    "health",
    "dashboard",
    "patients",
    ...Array.from({ length: rounds }, () => ["progress-100", "progress-10000"]).flat(),
    "clinic-dashboard",
  ];
  const measured = new Map<string, { loads: LoadResult[]; peakRssMiB: number; seqScanDelta: Record<string, number> }>();
  let serverPeakMiB = 0;
  let soak: SoakResult | undefined;
  // The soak at the end forces full GCs in the server through this probe (scripts/bench/gc-probe.mjs).
  const gcProbeDir = mkdtempSync(path.join(os.tmpdir(), "plumbline-bench-gc-"));
  const server = await startServer(withGcProbe(env, gcProbeDir), port);
  const pid = server.child.pid!;
  try {
    const cookies = {
      nobody: undefined,
      practitioner: await signInAs(server.baseUrl, BENCH_PRACTITIONER, SCALE_PASSWORD),
      admin: await signInAs(server.baseUrl, BENCH_ADMIN, SCALE_PASSWORD),
    };
    for (const key of order) {
      const t = targets.find((x) => x.key === key)!;
      const cookie = cookies[t.as];
      const connections = "connections" in t ? t.connections : CONNECTIONS;
      const res = await fetch(`${server.baseUrl}${t.path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
      const body = await res.text();
      if (res.status !== 200 || !body.includes(t.marker)) throw new Error(`${t.path} answered ${res.status} without "${t.marker}": not signed in, or the page is broken`);
      console.log(`${t.label}: warming up…`);
      await runLoad({ url: `${server.baseUrl}${t.path}`, cookie, connections, seconds: WARMUP_SECONDS });
      await new Promise((r) => setTimeout(r, STATS_FLUSH_MS));
      const before = await readScanCounters(url);
      let peakRssMiB = 0;
      const sampler = setInterval(() => (peakRssMiB = Math.max(peakRssMiB, readServerMemory(pid).rssMiB)), 200);
      const load = await runLoad({ url: `${server.baseUrl}${t.path}`, cookie, connections, seconds });
      clearInterval(sampler);
      serverPeakMiB = Math.max(serverPeakMiB, readServerMemory(pid).peakMiB);
      await new Promise((r) => setTimeout(r, STATS_FLUSH_MS));
      const after = await readScanCounters(url);
      const entry = measured.get(key) ?? { loads: [], peakRssMiB: 0, seqScanDelta: Object.fromEntries(WATCHED_TABLES.map((w) => [w, 0])) };
      entry.loads.push(load);
      entry.peakRssMiB = Math.max(entry.peakRssMiB, peakRssMiB);
      for (const table of WATCHED_TABLES) entry.seqScanDelta[table]! += (after[table]?.seq ?? 0) - (before[table]?.seq ?? 0);
      measured.set(key, entry);
      console.log(`  p50 ${load.p50.toFixed(1)} ms, p95 ${load.p95.toFixed(1)} ms, p99 ${load.p99.toFixed(1)} ms, ${load.rps.toFixed(1)} req/s, non-2xx ${load.non2xx}`);
    }
    soak = await runSoak({
      baseUrl: server.baseUrl,
      cookie: cookies.practitioner,
      serverPid: pid,
      database: "PostgreSQL, the scale data set",
      paths: ["/", `/patients?q=${PATIENT_SEARCH}`, `/patients/${data.hundred}`, `/patients/${data.hundred}/progress`, `/patients/${data.tenThousand}/progress`, "/exercises"],
      gcProbeDir,
    });
  } finally {
    await server.stop();
    rmSync(gcProbeDir, { recursive: true, force: true });
  }
  const runs: TargetRun[] = targets.map((t) => {
    const m = measured.get(t.key)!;
    return {
      key: t.key,
      label: t.label,
      path: t.path,
      user: t.as,
      connections: "connections" in t ? t.connections : CONNECTIONS,
      rounds: m.loads.length,
      load: mergeLoads(m.loads),
      roundP95: m.loads.map((l) => l.p95),
      peakRssMiB: m.peakRssMiB,
      seqScanDelta: m.seqScanDelta,
    };
  });

  console.log("EXPLAIN of every query the pages issue…");
  const capturing = openCapturingDb(url);
  const explained: BenchReport["explained"] = [];
  try {
    const pages = [
      { page: "Dashboard (own caseload)", run: PAGE_QUERIES.dashboard, scope: data.practitioner },
      { page: "Patient list with a search", run: PAGE_QUERIES.patients, scope: data.practitioner },
      { page: "Progress, 100 measurements", run: PAGE_QUERIES.progress(data.hundred), scope: data.practitioner },
      { page: "Progress, 10,000 measurements", run: PAGE_QUERIES.progress(data.tenThousand), scope: data.practitioner },
      { page: "Dashboard, whole clinic (admin)", run: PAGE_QUERIES.clinicDashboard, scope: data.admin },
    ];
    for (const p of pages) explained.push({ page: p.page, queries: await explainAll(url, await capturing.capture((db) => p.run(db, p.scope))) });
  } finally {
    await capturing.close();
  }

  console.log("Audit overhead…");
  const conn = await connectPostgres(url, 10);
  let overhead;
  try {
    overhead = await measureAuditOverhead(
      conn.db,
      data.practitioner,
      { withAudit: PAGE_QUERIES.progress(data.tenThousand, true), withoutAudit: PAGE_QUERIES.progress(data.tenThousand, false) },
      { rounds: 5, perRound: 300, concurrency: CONNECTIONS },
    );
  } finally {
    await conn.close();
  }

  const cpu = os.cpus();
  const report: BenchReport = {
    date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
    machine: {
      cpu: cpu[0]?.model ?? "unknown",
      cores: os.availableParallelism(),
      memoryGiB: os.totalmem() / 1024 ** 3,
      node: process.version,
      postgres: data.meta.version.split(" on ")[0] ?? data.meta.version,
      os: `${os.type()} ${os.release()}`,
    },
    data: { counts: data.counts, seed: data.meta.seed, caseload: data.caseload },
    settings: { connections: CONNECTIONS, seconds, warmupSeconds: WARMUP_SECONDS, distDir, rounds },
    runs,
    serverPeakMiB,
    explained,
    audit: { pageP95: runs.find((r) => r.key === "progress-10000")?.load.p95 ?? NaN, overhead, patient: "the 10,000-measurement patient" },
  };
  const out = path.join(process.cwd(), "docs", "benchmarks.md");
  writeReport(out, report);
  if (soak) writeSoakSection(out, soak);
  console.log(`Wrote ${out}`);
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
