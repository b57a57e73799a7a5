// Issue 11's server-side pages against a signed-in trivial route, in alternating rounds:
//   MIGRATION_DATABASE_URL=…owner…/plumbline_scale DATABASE_URL=…runtime role…/plumbline_scale npx tsx scripts/bench/perf-pages.ts
// Needs the scale data set (npm run db:seed:scale) and a production build. It reassigns
// patients of the north clinic so that prac02 has a 5,000- and prac03 a 100-patient
// caseload (prac01 keeps the 908 of docs/benchmarks.md): use a throwaway copy.
// Optional: BENCH_PORT (3145), BENCH_SECONDS (10), BENCH_ROUNDS (3), BENCH_CONNECTIONS (32), BENCH_CPU_REQUESTS (30).
// Beside the p95 at 32 connections (the measure, which on 2 cores shared with the load
// generator swings by a third between rounds), it reads the server's own CPU time per request
// over serial requests: what the p95 ratio approximates, without the queue.
import os from "node:os";
import postgres from "postgres";
import { SCALE_PASSWORD } from "../scale/steps";
import { arrangeCaseloads } from "./caseloads";
import { runLoad, type LoadResult } from "./load";
import { readServerCpuMs, startServer } from "./server";
import { signInAs } from "./sign-in";

const PORT = Number(process.env.BENCH_PORT ?? 3145);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const CPU_REQUESTS = Number(process.env.BENCH_CPU_REQUESTS ?? 30);

const loadAvg = () => os.loadavg().map((l) => l.toFixed(1)).join(", ");

async function main() {
  const ownerUrl = process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!ownerUrl || !process.env.DATABASE_URL) throw new Error("DATABASE_URL (and MIGRATION_DATABASE_URL for the owner) are required");
  console.log("caseloads:", await arrangeCaseloads(ownerUrl));
  const bench = await benchPatients(ownerUrl);
  const server = await startServer({ ...process.env, PORT: String(PORT), HOST: "127.0.0.1", LOG_LEVEL: "warn" }, PORT);
  try {
    const base = server.baseUrl;
    const sign = (who: string) => signInAs(base, `${who}.scale.test`, SCALE_PASSWORD);
    const [p908, p5000, p100, admin] = [await sign("prac01@north"), await sign("prac02@north"), await sign("prac03@north"), await sign("admin@north")];
    const pages = [
      { name: "signed-in trivial route (patient lookup, no match)", path: "/api/patients/lookup?q=zzzzqq", cookie: p908 },
      { name: "dashboard, 908-patient caseload", path: "/", cookie: p908 },
      { name: "dashboard, 100-patient caseload", path: "/", cookie: p100 },
      { name: "dashboard, 5,000-patient caseload", path: "/", cookie: p5000 },
      { name: "patient list, name search", path: "/patients?q=tho", cookie: p908 },
      { name: "patient list, last page", path: "/patients?page=last", cookie: p908 },
      { name: "patient page (100 measurements)", path: `/patients/${bench.hundred}`, cookie: p908 },
      { name: "progress, 100 measurements", path: `/patients/${bench.hundred}/progress`, cookie: p908 },
      { name: "progress, 10,000 measurements", path: `/patients/${bench.tenThousand}/progress`, cookie: p908 },
      // The signed-in shell around a near-empty page: what any page costs before its own content.
      { name: "alerts page (shell and a short list)", path: "/alerts", cookie: p100 },
      { name: "floor: /api/health, no session", path: "/api/health", cookie: undefined },
    ];
    for (const p of pages) {
      const res = await fetch(base + p.path, { headers: p.cookie ? { cookie: p.cookie } : {} });
      const body = await res.text();
      console.log(`${p.name}: HTTP ${res.status}, ${(Buffer.byteLength(body) / 1024).toFixed(1)} KB`);
      if (res.status !== 200) throw new Error(`${p.path} answered ${res.status}`);
    }
    // Node CPU per request: serial requests, the server tree's CPU time before and after.
    // Round 0 warms every route (JIT, caches) and is not reported: the first requests of a fresh
    // server cost up to twice as much, which flattered every ratio to a route measured cold.
    const cpu = new Map<string, number[]>();
    for (let round = 0; round <= ROUNDS; round++) {
      for (const p of pages) {
        const get = async () => (await fetch(base + p.path, { headers: p.cookie ? { cookie: p.cookie } : {} })).text();
        for (let i = 0; i < 3; i++) await get();
        const before = readServerCpuMs(server.child.pid!);
        for (let i = 0; i < CPU_REQUESTS; i++) await get();
        const perRequest = (readServerCpuMs(server.child.pid!) - before) / CPU_REQUESTS;
        if (round > 0) cpu.set(p.name, [...(cpu.get(p.name) ?? []), perRequest]);
      }
    }
    const cpuTrivial = cpu.get(pages[0]!.name)!;
    console.log(`\n| page | server CPU per request, per round (ms) | / trivial route, per round |`);
    console.log(`|---|---|---|`);
    for (const p of pages) {
      const runs = cpu.get(p.name)!;
      console.log(`| ${p.name} | ${runs.map((ms) => ms.toFixed(1)).join(", ")} | ${runs.map((ms, i) => (ms / cpuTrivial[i]!).toFixed(2) + "x").join(", ")} |`);
    }
    console.log("");
    // The admin's whole clinic at 32 connections queues far beyond a run's length and starves the
    // runs after it, so it is timed serially (one request at a time), beside the trivial route.
    const serial = async (path: string, cookie: string, n: number) => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        await (await fetch(base + path, { headers: { cookie } })).text();
        times.push(performance.now() - t);
      }
      return times.sort((a, b) => a - b)[Math.floor(n / 2)]!;
    };
    for (let round = 1; round <= ROUNDS; round++) {
      const trivialMs = await serial("/api/patients/lookup?q=zzzzqq", p908, 5);
      const clinicMs = await serial("/?view=clinic", admin, 3);
      console.log(`serial round ${round}: admin's whole clinic median ${clinicMs.toFixed(0)} ms, trivial ${trivialMs.toFixed(0)} ms: ${(clinicMs / trivialMs).toFixed(1)}x (load ${loadAvg()})`);
    }
    const results = new Map<string, LoadResult[]>();
    for (let round = 1; round <= ROUNDS; round++) {
      for (const p of pages) {
        const r = await runLoad({ url: base + p.path, cookie: p.cookie, connections: CONNECTIONS, seconds: SECONDS });
        // Let requests still in flight drain before the next page's run.
        while (!(await fetch(base + "/api/health").then((x) => x.ok, () => false))) await new Promise((ok) => setTimeout(ok, 500));
        results.set(p.name, [...(results.get(p.name) ?? []), r]);
        console.log(`round ${round} ${p.name}: ${r.requests} requests, p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms, non-2xx ${r.non2xx}, errors ${r.errors} (load ${loadAvg()})`);
      }
    }
    const trivial = results.get(pages[0]!.name)!;
    const floor = results.get(pages.at(-1)!.name)!;
    console.log(`\n| page | p95 per round (ms) | p95 / trivial, per round | p95 / old floor, per round |`);
    console.log(`|---|---|---|---|`);
    for (const p of pages) {
      const runs = results.get(p.name)!;
      const ratios = runs.map((r, i) => (r.p95 / trivial[i]!.p95).toFixed(2) + "x").join(", ");
      const floors = runs.map((r, i) => (r.p95 / floor[i]!.p95).toFixed(2) + "x").join(", ");
      console.log(`| ${p.name} | ${runs.map((r) => r.p95.toFixed(0)).join(", ")} | ${ratios} | ${floors} |`);
    }
    const d100 = results.get(pages[2]!.name)!;
    const d5000 = results.get(pages[3]!.name)!;
    console.log(`\n5,000 vs 100 caseload, p95 per round: ${d5000.map((r, i) => (r.p95 / d100[i]!.p95).toFixed(2) + "x").join(", ")}`);
    const g100 = results.get("progress, 100 measurements")!;
    const g10000 = results.get("progress, 10,000 measurements")!;
    console.log(`progress, 10,000 vs 100 measurements, p95 per round: ${g10000.map((r, i) => (r.p95 / g100[i]!.p95).toFixed(2) + "x").join(", ")}`);
    console.log(`load average at the end: ${loadAvg()} (${os.cpus().length} cores)`);
  } finally {
    await server.stop();
  }
}

/** The scale data set's two benchmark patients (scripts/scale/steps.ts): 100 and 10,000 measurements. */
async function benchPatients(ownerUrl: string) {
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ id: string; last_name: string }[]>`select id, last_name from patient where first_name = 'Benchmark' and last_name in ('Hundred', 'Tenthousand')`;
    const id = (last: string) => {
      const row = rows.find((r) => r.last_name === last);
      if (!row) throw new Error(`Benchmark ${last} is missing: load the data set with npm run db:seed:scale`);
      return row.id;
    };
    return { hundred: id("Hundred"), tenThousand: id("Tenthousand") };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

main().catch((err: Error) => {
  console.error(err);
  process.exit(1);
});
