// `npx tsx scripts/bench/proxy-cost.ts` (also the last step of `npm run bench`):
// what the proxy's headers, nonce and record check cost in page latency. Two
// servers of the same build on one PostgreSQL database, one with the full
// proxy and one with the session check alone (PLUMBLINE_BENCH_PROXY=baseline),
// loaded in alternating rounds; ratios are per round, so machine noise that
// hits both alike cancels. Needs DATABASE_URL with the demo (npm run db:seed)
// or the scale data set. Writes docs/benchmarks-proxy.md.
//   BENCH_PROXY_PORTS (3118,3119) BENCH_PROXY_ROUNDS (4) BENCH_PROXY_SECONDS (5)
import { writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { runLoad, mergeLoads, type LoadResult } from "./load";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { connectPostgres } from "@/db/client";
import { patients, decompressionSessions } from "@/db/schema";
import { recordsExist } from "@/lib/routing/record-check";
import { readRecordPath } from "@/lib/routing/record-path";
import { buildCsp, createNonce } from "@/lib/security/headers";
import { BENCH_PRACTITIONER, SCALE_PASSWORD } from "../scale/steps";
import { buildIfNeeded, startServer, type Server } from "./server";
import { signIn as signInAs } from "./sign-in";

const [portA, portB] = (process.env.BENCH_PROXY_PORTS ?? "3118,3119").split(",").map(Number) as [number, number];
const ROUNDS = Number(process.env.BENCH_PROXY_ROUNDS ?? 4);
const SECONDS = Number(process.env.BENCH_PROXY_SECONDS ?? 5);
const CONNECTIONS = 4;
// The demo's practitioner, else the scale data set's (npm run bench runs on that).
const ACCOUNTS = [
  { email: "ava@northside.test", password: "plumbline-demo" },
  { email: BENCH_PRACTITIONER, password: SCALE_PASSWORD },
];
let EMAIL = ACCOUNTS[0]!.email;

async function signIn(baseUrl: string): Promise<string> {
  for (const account of ACCOUNTS) {
    try {
      const cookie = await signInAs(baseUrl, account.email, account.password);
      EMAIL = account.email;
      return cookie;
    } catch {
      // Try the next data set's account.
    }
  }
  throw new Error("neither the demo nor the scale data set is loaded: run npm run db:seed");
}

async function findPatientPath(baseUrl: string, cookie: string): Promise<string> {
  const html = await (await fetch(`${baseUrl}/patients`, { headers: { cookie } })).text();
  const match = /href="(\/patients\/[0-9a-f-]{36})"/.exec(html);
  if (!match) throw new Error("no patient link on /patients");
  return match[1]!;
}

const ms = (n: number) => n.toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mean = (r: LoadResult) => r.times.reduce((a, b) => a + b, 0) / Math.max(1, r.times.length);

/** The proxy's own work, timed in-process: the record check (one statement) and making the nonce and policy. */
async function measureProxyWork(url: string): Promise<string[]> {
  const conn = await connectPostgres(url, 1);
  try {
    const db = conn.db;
    const [session] = await db.select().from(decompressionSessions).limit(1);
    const [patient] = session ? [{ id: session.patientId, clinicId: session.clinicId }] : await db.select({ id: patients.id, clinicId: patients.clinicId }).from(patients).limit(1);
    if (!patient) throw new Error("no patient in the database");
    const paths: Record<string, string> = { "/patients/[id]": `/patients/${patient.id}` };
    if (session) paths["/patients/[id]/decompression/[courseId]/sessions/[sessionId]"] = `/patients/${session.patientId}/decompression/${session.courseId}/sessions/${session.id}`;
    const lines: string[] = [];
    for (const [label, path] of Object.entries(paths)) {
      const refs = readRecordPath(path);
      for (let i = 0; i < 50; i++) await recordsExist(db, patient.clinicId, refs);
      const times: number[] = [];
      for (let i = 0; i < 500; i++) {
        const t = performance.now();
        await recordsExist(db, patient.clinicId, refs);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      lines.push(`| record check, ${label} (${refs.length} lookups, one statement) | ${(times[250]! * 1000).toFixed(0)} µs | ${(times[475]! * 1000).toFixed(0)} µs |`);
    }
    const t = performance.now();
    for (let i = 0; i < 10_000; i++) buildCsp(createNonce());
    lines.push(`| nonce + policy string | ${(((performance.now() - t) / 10_000) * 1000).toFixed(1)} µs | |`);
    const plan = (await db.execute(sql.raw(`explain select exists (select 1 from patient where clinic_id = '${patient.clinicId}' and id = '${patient.id}')`))) as unknown as { "QUERY PLAN": string }[];
    lines.push("", "Plan of the patient lookup: " + plan.map((r) => r["QUERY PLAN"].trim()).join(" / "));
    return lines;
  } finally {
    await conn.close();
  }
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required: two servers cannot share an embedded database");
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" as const, AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-only-secret-not-for-production" };
  buildIfNeeded(env);
  const servers: Record<"full" | "baseline", Server> = {
    full: await startServer({ ...env, PORT: String(portA), HOST: "127.0.0.1" }, portA),
    baseline: await startServer({ ...env, PORT: String(portB), HOST: "127.0.0.1", PLUMBLINE_BENCH_PROXY: "baseline" }, portB),
  };
  try {
    const cookies = { full: await signIn(servers.full.baseUrl), baseline: await signIn(servers.baseline.baseUrl) };
    const patient = await findPatientPath(servers.full.baseUrl, cookies.full);
    const pages = { "patient page": patient, "patient list": "/patients", "missing patient (404 with the proxy)": `/patients/${randomUUID()}` };
    const lines: string[] = [];
    for (const [label, path] of Object.entries(pages)) {
      const runs = { full: [] as LoadResult[], baseline: [] as LoadResult[] };
      const ratios: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        // Alternate which goes first, so warm-up and drift fall on both.
        const order = round % 2 === 0 ? (["full", "baseline"] as const) : (["baseline", "full"] as const);
        const got: Partial<Record<"full" | "baseline", LoadResult>> = {};
        for (const which of order) {
          got[which] = await runLoad({ url: `${servers[which].baseUrl}${path}`, cookie: cookies[which], connections: CONNECTIONS, seconds: SECONDS });
          runs[which].push(got[which]!);
        }
        // A round in which either server answered nothing says nothing about the ratio.
        if (got.full!.requests > 0 && got.baseline!.requests > 0) ratios.push(mean(got.full!) / mean(got.baseline!));
      }
      const full = mergeLoads(runs.full);
      const base = mergeLoads(runs.baseline);
      lines.push(
        `| ${label} | ${ms(mean(base))} / ${ms(base.p95)} | ${ms(mean(full))} / ${ms(full.p95)} | ${median(ratios).toFixed(3)} | ${Math.min(...ratios).toFixed(3)}-${Math.max(...ratios).toFixed(3)} |`,
      );
      console.log(lines.at(-1));
    }
    const work = await measureProxyWork(url);
    console.log(work.join("\n"));
    const report = [
      "# What the proxy costs (headers, CSP nonce, record check)",
      "",
      `Written by \`scripts/bench/proxy-cost.ts\` on ${new Date().toISOString().slice(0, 10)}: ${ROUNDS} alternating rounds of ${SECONDS} s per server and page, ${CONNECTIONS} connections, signed in as ${EMAIL}.`,
      "Baseline: the same build with the session check alone. Absolute times depend on the machine and its load; the ratio (full / baseline mean latency, per round) is the figure to read.",
      "",
      "| page | baseline mean / p95 (ms) | full proxy mean / p95 (ms) | ratio (median of rounds) | ratio range |",
      "|---|---|---|---|---|",
      ...lines,
      "",
      "The proxy's own work, timed in-process against the same database (median and p95 of 500 calls, round trip included):",
      "",
      "| step | median | p95 |",
      "|---|---|---|",
      ...work,
      "",
    ].join("\n");
    writeFileSync("docs/benchmarks-proxy.md", report);
    console.log("\nwrote docs/benchmarks-proxy.md");
  } finally {
    await servers.full.stop();
    await servers.baseline.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
