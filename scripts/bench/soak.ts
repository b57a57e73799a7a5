import autocannon from "autocannon";
import { readFileSync, writeFileSync } from "node:fs";
import { readServerMemory } from "./server";

/**
 * The soak: two back-to-back minutes at 32 connections over a mix of
 * signed-in pages, sampling the server's resident memory every 5 s. A leak
 * shows as the second minute's peak climbing past the first's.
 */
export type SoakPhase = { requests: number; errors: number; non2xx: number; p50: number; p95: number; p99: number; rps: number };
export type SoakResult = {
  database: string;
  connections: number;
  phaseSeconds: number;
  paths: string[];
  phases: SoakPhase[];
  rssSamples: { atSeconds: number; rssMiB: number }[];
  firstPeakMiB: number;
  lastPeakMiB: number;
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

export async function runSoak(opts: { baseUrl: string; cookie: string; serverPid: number; paths: string[]; database: string; phaseSeconds?: number }): Promise<SoakResult> {
  const phaseSeconds = opts.phaseSeconds ?? PHASE_SECONDS;
  const started = Date.now();
  const rssSamples: SoakResult["rssSamples"] = [];
  const sample = () => rssSamples.push({ atSeconds: Math.round((Date.now() - started) / 1000), rssMiB: readServerMemory(opts.serverPid).rssMiB });
  sample();
  const sampler = setInterval(sample, SAMPLE_MS);
  const phases: SoakPhase[] = [];
  try {
    for (let i = 0; i < 2; i++) {
      console.log(`Soak minute ${i + 1}: ${CONNECTIONS} connections over ${opts.paths.length} pages…`);
      const phase = await runPhase(opts.baseUrl, opts.cookie, opts.paths, phaseSeconds);
      console.log(`  ${phase.requests} requests, p95 ${phase.p95.toFixed(0)} ms, errors ${phase.errors}, non-2xx ${phase.non2xx}`);
      phases.push(phase);
    }
  } finally {
    clearInterval(sampler);
    sample();
  }
  const peak = (from: number, to: number) => Math.max(...rssSamples.filter((s) => s.atSeconds >= from && s.atSeconds <= to).map((s) => s.rssMiB));
  return {
    database: opts.database,
    connections: CONNECTIONS,
    phaseSeconds,
    paths: opts.paths,
    phases,
    rssSamples,
    firstPeakMiB: peak(0, phaseSeconds),
    lastPeakMiB: peak(phaseSeconds + 1, Number.POSITIVE_INFINITY),
  };
}

function renderSoak(s: SoakResult, date: string): string {
  const growth = ((s.lastPeakMiB - s.firstPeakMiB) / s.firstPeakMiB) * 100;
  const errors = s.phases.reduce((n, p) => n + p.errors + p.non2xx, 0);
  const row = (p: SoakPhase, i: number) =>
    `| minute ${i + 1} | ${p.requests} | ${p.rps.toFixed(1)} | ${p.p50.toFixed(0)} | ${p.p95.toFixed(0)} | ${p.p99.toFixed(0)} | ${p.errors} | ${p.non2xx} |`;
  return [
    "## Soak",
    "",
    `Measured ${date} on ${s.database}: ${s.connections} connections for ${s.phaseSeconds} s, then ${s.phaseSeconds} s more, ` +
      `each connection cycling through ${s.paths.length} signed-in pages: ${s.paths.map((p) => `\`${p.replace(/[0-9a-f-]{36}/g, ":id")}\``).join(", ")}. ` +
      "Load generator and server share the machine's cores, so the absolute times are pessimistic; the two minutes are comparable with each other.",
    "",
    "| phase | requests | req/s | p50 ms | p95 ms | p99 ms | errors | non-2xx |",
    "|---|---|---|---|---|---|---|---|",
    ...s.phases.map(row),
    "",
    `Errors: ${errors} (target 0): ${errors === 0 ? "met" : "missed"}. ` +
      `Server RSS peak: first minute ${s.firstPeakMiB.toFixed(0)} MiB, last minute ${s.lastPeakMiB.toFixed(0)} MiB (${growth >= 0 ? "+" : ""}${growth.toFixed(1)} %; target within 10 %: ${Math.abs(growth) <= 10 ? "met" : "missed"}).`,
    "",
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
