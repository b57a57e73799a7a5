// `npm run bench:soak`: only the soak of `npm run bench` (two minutes at 32
// connections over signed-in pages, RSS every 5 s), on whatever database is
// configured: DATABASE_URL, or a fresh embedded database with the demo. Writes
// the "Soak" section of docs/benchmarks.md and leaves the rest alone.
// The server runs with scripts/bench/gc-probe.mjs preloaded, so the section also
// shows the heap left after a forced full GC before and after the load.
// Optional: BENCH_PORT (3131), NEXT_DIST_DIR (.next-bench), BENCH_USER / BENCH_PASSWORD (the demo practitioner),
// SOAK_PHASES (2) and SOAK_PHASE_SECONDS (60) for a longer soak, SOAK_GC_EACH_PHASE=1 to measure after every phase,
// SOAK_MAX_OLD_SPACE_MB to run the server with that V8 old-space limit.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { buildIfNeeded, startServer, withGcProbe } from "./bench/server";
import { signInAs } from "./bench/sign-in";
import { runSoak, writeSoakSection } from "./bench/soak";

async function findPatientIds(baseUrl: string, cookie: string): Promise<string[]> {
  const html = await (await fetch(`${baseUrl}/patients`, { headers: { cookie } })).text();
  return [...new Set([...html.matchAll(/\/patients\/([0-9a-f-]{36})/g)].map((m) => m[1]!))].slice(0, 2);
}

async function main() {
  const port = Number(process.env.BENCH_PORT ?? 3131);
  const embeddedDir = process.env.DATABASE_URL ? undefined : mkdtempSync(path.join(tmpdir(), "plumbline-soak-"));
  const gcProbeDir = mkdtempSync(path.join(tmpdir(), "plumbline-soak-gc-"));
  const maxOld = process.env.SOAK_MAX_OLD_SPACE_MB;
  const baseEnv = {
    ...process.env,
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-bench",
    HOST: "127.0.0.1",
    PORT: String(port),
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(33).toString("base64"),
    NEXT_TELEMETRY_DISABLED: "1",
    ...(embeddedDir ? { PGLITE_DIR: embeddedDir } : {}),
  };
  buildIfNeeded(baseEnv);
  const probed = withGcProbe(baseEnv, gcProbeDir);
  const env = maxOld ? { ...probed, NODE_OPTIONS: `${probed.NODE_OPTIONS} --max-old-space-size=${Number(maxOld)}` } : probed;
  const server = await startServer(env, port);
  try {
    const cookie = await signInAs(server.baseUrl, process.env.BENCH_USER ?? "ava@northside.test", process.env.BENCH_PASSWORD ?? DEMO_PASSWORD);
    const ids = await findPatientIds(server.baseUrl, cookie);
    if (ids.length === 0) throw new Error("no patients to visit: load the demo (npm run db:seed) or the scale data set first");
    const paths = ["/", "/patients", "/patients?q=ma", ...ids.flatMap((id) => [`/patients/${id}`, `/patients/${id}/progress`]), "/exercises"];
    const soak = await runSoak({
      baseUrl: server.baseUrl,
      cookie,
      serverPid: server.child.pid!,
      paths,
      database:
        (embeddedDir ? "the embedded database (PGlite) with the demo data" : "PostgreSQL (DATABASE_URL)") +
        (maxOld ? `, server heap limited to --max-old-space-size=${Number(maxOld)}` : ""),
      phases: Number(process.env.SOAK_PHASES ?? 2),
      phaseSeconds: Number(process.env.SOAK_PHASE_SECONDS ?? 60),
      gcProbeDir,
      gcEachPhase: process.env.SOAK_GC_EACH_PHASE === "1",
    });
    const out = path.join(process.cwd(), "docs", "benchmarks.md");
    writeSoakSection(out, soak);
    console.log(`Wrote the soak section of ${out}`);
  } finally {
    await server.stop();
    if (embeddedDir) rmSync(embeddedDir, { recursive: true, force: true });
    if (process.env.BENCH_GC_PROBE_SNAPSHOTS === "1") console.log(`Heap snapshots kept in ${gcProbeDir}`);
    else rmSync(gcProbeDir, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
