import autocannon from "autocannon";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { readAfterFullGc, readServerMemory, type AfterGc } from "./server";

/**
 * The soak: two back-to-back minutes at 32 connections over a mix of
 * signed-in pages, sampling the server's resident memory every 5 s. A leak
 * shows as the second minute's peak climbing past the first's.
 */
export type SoakPhase = { startedAt?: number; endedAt?: number; rssPeakMiB?: number; requests: number; errors: number; non2xx: number; p50: number; p95: number; p99: number; rps: number };
export type SoakResult = {
  database: string;
  connections: number;
  phaseSeconds: number;
  paths: string[];
  phases: SoakPhase[];
  rssSamples: { atSeconds: number; rssMiB: number }[];
  firstPeakMiB: number;
  lastPeakMiB: number;
  /** Memory after a forced full GC: before the load, (optionally) after each phase, and after the last. */
  /** One-minute load average of the machine when the soak started and when it ended. */
  loadAverage: [number, number];
  afterGc: ({ label: string; atSeconds: number; requestsSoFar: number } & AfterGc)[];
};

const CONNECTIONS = 32;
const PHASE_SECONDS = 60;
const SAMPLE_MS = 5_000;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function runPhase(baseUrl: string, cookie: string, paths: string[], seconds: number): Promise<SoakPhase> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    let non2xx = 0;
    const instance = autocannon(
      {
        url: baseUrl,
        connections: CONNECTIONS,
        duration: seconds,
        timeout: 30,
        headers: { cookie },
        // Each connection walks the mix in turn, so every page is under load all the time.
        requests: paths.map((path) => ({ method: "GET", path })),
      },
      (err, result) => {
        if (err) return reject(err);
        const sorted = times.sort((a, b) => a - b);
        resolve({
          requests: sorted.length,
          errors: result.errors + result.timeouts,
          non2xx,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          rps: sorted.length / seconds,
        });
      },
    );
    instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      times.push(responseTime);
      if (statusCode < 200 || statusCode >= 300) non2xx += 1;
    });
  });
}

export async function runSoak(opts: {
  baseUrl: string;
  cookie: string;
  serverPid: number;
  paths: string[];
  database: string;
  phaseSeconds?: number;
  /** How many phases (2: the target's two minutes; more to see whether memory levels off). */
  phases?: number;
  /** The server was started with withGcProbe(env, dir): measure the heap after forced full GCs. */
  gcProbeDir?: string;
  /** Also force a GC after every phase, not only before and after the load (changes what RSS the next phase starts from). */
  gcEachPhase?: boolean;
}): Promise<SoakResult> {
  const phaseSeconds = opts.phaseSeconds ?? PHASE_SECONDS;
  const phaseCount = opts.phases ?? 2;
  const started = Date.now();
  const loadAtStart = loadavg()[0]!;
  const at = () => Math.round((Date.now() - started) / 1000);
  const rssSamples: SoakResult["rssSamples"] = [];
  const afterGc: SoakResult["afterGc"] = [];
  const phases: SoakPhase[] = [];
  const measureAfterGc = async (label: string) => {
    if (!opts.gcProbeDir) return;
    const m = await readAfterFullGc(opts.serverPid, opts.gcProbeDir);
    afterGc.push({ label, atSeconds: at(), requestsSoFar: phases.reduce((n, p) => n + p.requests, 0), ...m });
    console.log(`  after a full GC (${label}): heap used ${m.heapUsedMiB.toFixed(0)} MiB of ${m.heapTotalMiB.toFixed(0)}, external ${m.externalMiB.toFixed(0)} MiB, RSS ${m.rssMiB.toFixed(0)} MiB`);
  };
  await measureAfterGc("before the load");
  const sample = () => rssSamples.push({ atSeconds: at(), rssMiB: readServerMemory(opts.serverPid).rssMiB });
  sample();
  const sampler = setInterval(sample, SAMPLE_MS);
  try {
    for (let i = 0; i < phaseCount; i++) {
      console.log(`Soak minute ${i + 1}: ${CONNECTIONS} connections over ${opts.paths.length} pages…`);
      const startedAt = at();
      const phase = { ...(await runPhase(opts.baseUrl, opts.cookie, opts.paths, phaseSeconds)), startedAt, endedAt: at() };
      console.log(`  ${phase.requests} requests, p95 ${phase.p95.toFixed(0)} ms, errors ${phase.errors}, non-2xx ${phase.non2xx}`);
      phases.push(phase);
      if (opts.gcEachPhase && i < phaseCount - 1) await measureAfterGc(`after minute ${i + 1}`);
    }
  } finally {
    clearInterval(sampler);
    sample();
  }
  await measureAfterGc("after the load");
  const peak = (from: number, to: number) => Math.max(...rssSamples.filter((s) => s.atSeconds >= from && s.atSeconds <= to).map((s) => s.rssMiB));
  // Each phase's window: from its start (the first one from the sample before the load) to its end.
  phases.forEach((p, i) => (p.rssPeakMiB = peak(i === 0 ? 0 : p.startedAt! + 1, i === phases.length - 1 ? Number.POSITIVE_INFINITY : p.endedAt!)));
  return {
    database: opts.database,
    connections: CONNECTIONS,
    phaseSeconds,
    paths: opts.paths,
    phases,
    rssSamples,
    firstPeakMiB: phases[0]!.rssPeakMiB!,
    lastPeakMiB: phases[phases.length - 1]!.rssPeakMiB!,
    loadAverage: [loadAtStart, loadavg()[0]!],
    afterGc,
  };
}

function renderSoak(s: SoakResult, date: string): string {
  const unit = s.phaseSeconds === 60 ? "minute" : "phase";
  const growth = ((s.lastPeakMiB - s.firstPeakMiB) / s.firstPeakMiB) * 100;
  const errors = s.phases.reduce((n, p) => n + p.errors + p.non2xx, 0);
  const row = (p: SoakPhase, i: number) =>
    `| ${unit} ${i + 1} | ${p.requests} | ${p.rps.toFixed(1)} | ${p.p50.toFixed(0)} | ${p.p95.toFixed(0)} | ${p.p99.toFixed(0)} | ${p.errors} | ${p.non2xx} | ${p.rssPeakMiB?.toFixed(0) ?? "?"} |`;
  const gcRow = (g: SoakResult["afterGc"][number]) =>
    `| ${g.label} (${g.atSeconds} s, ${g.requestsSoFar} requests) | ${g.heapUsedMiB.toFixed(0)} | ${g.heapTotalMiB.toFixed(0)} | ${g.externalMiB.toFixed(0)} | ${g.rssMiB.toFixed(0)} |`;
  const firstGc = s.afterGc[0];
  const lastGc = s.afterGc[s.afterGc.length - 1];
  const retained = firstGc && lastGc && lastGc !== firstGc ? lastGc.heapUsedMiB - firstGc.heapUsedMiB : undefined;
  const shape =
    s.phases.length === 2 ? `for ${s.phaseSeconds} s, then ${s.phaseSeconds} s more` : `for ${s.phases.length} phases of ${s.phaseSeconds} s back to back`;
  return [
    "## Soak",
    "",
    `Measured ${date} on ${s.database}: ${s.connections} connections ${shape}, ` +
      `each connection cycling through ${s.paths.length} signed-in pages: ${s.paths.map((p) => `\`${p.replace(/[0-9a-f-]{36}/g, ":id")}\``).join(", ")}. ` +
      `Load generator and server share the machine's ${cpus().length} cores (load average ${s.loadAverage.map((l) => l.toFixed(1)).join(" at the start, ")} at the end), so the absolute times are pessimistic; the minutes are comparable with each other.`,
    "",
    "| phase | requests | req/s | p50 ms | p95 ms | p99 ms | errors | non-2xx | RSS peak MiB |",
    "|---|---|---|---|---|---|---|---|---|",
    ...s.phases.map(row),
    "",
    `Errors: ${errors} (target 0): ${errors === 0 ? "met" : "missed"}. ` +
      `Server RSS peak: first ${unit} ${s.firstPeakMiB.toFixed(0)} MiB, last ${unit} ${s.lastPeakMiB.toFixed(0)} MiB (${growth >= 0 ? "+" : ""}${growth.toFixed(1)} %; target within 10 %: ${Math.abs(growth) <= 10 ? "met" : "missed"}).`,
    "",
    ...(s.afterGc.length > 0
      ? [
          "Memory of the serving process after a forced full GC (scripts/bench/gc-probe.mjs; external includes PGlite's WebAssembly memory):",
          "",
          "| when | heap used MiB | heap total MiB | external MiB | RSS MiB |",
          "|---|---|---|---|---|",
          ...s.afterGc.map(gcRow),
          "",
          ...(retained !== undefined
            ? [
                `Heap retained across the load (after GC, last minus first): ${retained >= 0 ? "+" : ""}${retained.toFixed(0)} MiB over ${lastGc!.requestsSoFar} requests ` +
                  `(${((retained * 1024) / Math.max(1, lastGc!.requestsSoFar)).toFixed(0)} KiB a request).`,
                "",
              ]
            : []),
        ]
      : []),
    `RSS every 5 s (MiB): ${s.rssSamples.map((r) => `${r.atSeconds}s ${r.rssMiB.toFixed(0)}`).join(", ")}.`,
    "",
  ].join("\n");
}

/** Puts the soak section into docs/benchmarks.md in place of the last one (before "## Notes"), leaving the rest as it is. */
export function writeSoakSection(file: string, soak: SoakResult, date = new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC") {
  const text = readFileSync(file, "utf8");
  const section = renderSoak(soak, date);
  const start = text.indexOf("## Soak\n");
  let out: string;
  if (start >= 0) {
    const next = text.indexOf("\n## ", start + 1);
    out = text.slice(0, start) + section + (next >= 0 ? text.slice(next + 1) : "");
  } else {
    const notes = text.indexOf("## Notes");
    out = notes >= 0 ? text.slice(0, notes) + section + "\n" + text.slice(notes) : `${text.trimEnd()}\n\n${section}`;
  }
  writeFileSync(file, out);
}
