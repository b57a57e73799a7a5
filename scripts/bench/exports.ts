// `npx tsx scripts/bench/exports.ts`: how long one demo patient's exports take,
// end to end on the server side (read models, build, audit row; no HTTP).
// Embedded PGlite, migrated and seeded in memory, queries as the runtime role
// in the patient's clinic (as the server runs them). Sequential, one caller:
// a latency, not a throughput. Writes docs/benchmarks-exports.md.
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { connectPglite, dropToAppRole } from "@/db/client";
import { migrateConnection } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import type { Scope } from "@/lib/auth/scope-types";
import { getEnv } from "@/lib/env";
import { exportPatientBundle } from "@/lib/fhir/export";
import { exportOutcomeReport } from "@/lib/reports/export";
import { PGLITE_EXTENSIONS } from "@/db/pglite-extensions";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const PERSONAS = [["Maya", "Okafor"], ["Tomasz", "Kowalski"], ["Wei", "Nakamura"]] as const;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function main() {
  const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const conn = await connectPglite(client);
  await migrateConnection(conn);
  const ctx = await seedDemo(conn.db, new Date());
  await dropToAppRole(conn, getEnv().APP_DB_ROLE);
  const rows: string[] = [];
  for (const [first, last] of PERSONAS) {
    const p = ctx.patients.find((x) => x.firstName === first && x.lastName === last)!;
    const user = ctx.clinics.find((c) => c.id === p.clinicId)!.users.find((u) => u.role === "practitioner")!;
    const scope: Scope = { clinicId: p.clinicId, userId: user.id, role: user.role, email: user.email };
    const db = await conn.forClinic(p.clinicId);
    const fhir: number[] = [];
    const pdf: number[] = [];
    let entries = 0;
    let bytes = 0;
    let pdfBytes = 0;
    // Alternating rounds: the two exports see the same machine load
    for (let i = 0; i < ROUNDS + 3; i++) {
      let t = performance.now();
      const bundle = await exportPatientBundle(db, scope, p.id, { baseUrl: "https://clinic.example/fhir" });
      const body = JSON.stringify(bundle, null, 2);
      const fhirMs = performance.now() - t;
      t = performance.now();
      const report = await exportOutcomeReport(db, scope, p.id);
      const pdfMs = performance.now() - t;
      if (i < 3) continue; // warm-up
      fhir.push(fhirMs);
      pdf.push(pdfMs);
      entries = bundle.entry?.length ?? 0;
      bytes = body.length;
      pdfBytes = report.pdf.length;
    }
    const f = [...fhir].sort((a, b) => a - b);
    const r = [...pdf].sort((a, b) => a - b);
    rows.push(
      `| ${first} ${last} | ${entries} resources, ${(bytes / 1024).toFixed(0)} KiB | ${quantile(f, 0.5).toFixed(0)} | ${quantile(f, 0.95).toFixed(0)} | ` +
        `${(pdfBytes / 1024).toFixed(0)} KiB | ${quantile(r, 0.5).toFixed(0)} | ${quantile(r, 0.95).toFixed(0)} |`,
    );
  }
  await conn.close();
  const doc = [
    "# Export timings (issue 15)",
    "",
    `Written by \`npx tsx scripts/bench/exports.ts\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores, Node ${process.version}, embedded PGlite in memory,`,
    `queries as the runtime role inside the patient's clinic, ${ROUNDS} alternating rounds after 3 warm-up rounds, one caller. Server side only`,
    `(read models, build, audit row, serialisation; no HTTP). The machine is shared (1-minute load average ${os.loadavg()[0]!.toFixed(1)} at the end):`,
    "read the medians, not single rounds.",
    "",
    "| demo patient | FHIR Bundle | FHIR median ms | FHIR p95 ms | report PDF | PDF median ms | PDF p95 ms |",
    "|---|---|---|---|---|---|---|",
    ...rows,
    "",
    "No speed target is set for these two exports (issue 15 sets one only for the whole-record zip, item 2: see benchmarks-access-copy.md).",
    "",
  ].join("\n");
  writeFileSync(path.join(process.cwd(), "docs", "benchmarks-exports.md"), doc);
  console.log(doc);
}

void main();
