import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { AuditOverhead } from "./audit-overhead";
import type { ExplainedQuery } from "./explain";
import type { LoadResult } from "./load";

export type TargetRun = {
  key: string;
  label: string;
  path: string;
  user: string;
  connections: number;
  /** How many runs were pooled into `load`, and each run's p95. */
  rounds: number;
  roundP95: number[];
  load: LoadResult;
  peakRssMiB: number;
  seqScanDelta: Record<string, number>;
};

export type BenchReport = {
  date: string;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; postgres: string; os: string };
  data: { counts: Record<string, number>; seed: string | null; caseload: number };
  settings: { connections: number; seconds: number; warmupSeconds: number; distDir: string; rounds: number };
  runs: TargetRun[];
  serverPeakMiB: number;
  explained: { page: string; queries: ExplainedQuery[] }[];
  audit: { pageP95: number; overhead: AuditOverhead; patient: string };
};

const NOTES_START = "<!-- notes: kept when the benchmark rewrites this file -->";
const NOTES_END = "<!-- /notes -->";

const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : "n/a");
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : "n/a");
const yes = (ok: boolean) => (ok ? "met" : "**not met**");

export function keepNotes(path: string): string {
  if (!existsSync(path)) return `${NOTES_START}\n_No notes yet._\n${NOTES_END}`;
  const text = readFileSync(path, "utf8");
  const start = text.indexOf(NOTES_START);
  const end = text.indexOf(NOTES_END);
  return start >= 0 && end > start ? text.slice(start, end + NOTES_END.length) : `${NOTES_START}\n_No notes yet._\n${NOTES_END}`;
}

function describeScans(q: ExplainedQuery): string {
  const scans = q.scans.map((s) => `${s.node} ${s.relation}${s.index ? ` (${s.index})` : ""}${s.rows === null ? "" : `, ${s.rows} rows`}`);
  return [...new Set(scans)].join("; ");
}

/** Writes docs/benchmarks.md from one run's measurements, keeping the hand-written notes block. */
export function writeReport(path: string, r: BenchReport) {
  const run = (key: string) => r.runs.find((x) => x.key === key);
  const floor = run("health")!;
  const fp95 = floor.load.p95;
  const dashboard = run("dashboard");
  const small = run("progress-100");
  const large = run("progress-10000");
  const watched = r.explained.flatMap((p) => p.queries.flatMap((q) => q.watchedSeqScans.map((t) => `${p.page}: ${t}`)));
  const counterScans = r.runs.flatMap((x) => Object.entries(x.seqScanDelta).filter(([, n]) => n > 0).map(([t, n]) => `${x.label}: ${t} +${n}`));
  // The audit insert's cost measured on the query path, set against the whole page as served over HTTP.
  const auditAddedMs = Math.max(0, r.audit.overhead.withAudit.p95 - r.audit.overhead.withoutAudit.p95);
  const auditPageShare = (auditAddedMs / r.audit.pageP95) * 100;
  const targets = [
    dashboard && ["Dashboard p95 at most 3x the floor's p95", `${ratio(dashboard.load.p95, fp95)}`, yes(dashboard.load.p95 <= 3 * fp95)],
    small && ["Progress page (100 measurements) p95 at most 3x the floor's", `${ratio(small.load.p95, fp95)}`, yes(small.load.p95 <= 3 * fp95)],
    large && ["Progress page (10,000 measurements) p95 at most 3x the floor's", `${ratio(large.load.p95, fp95)}`, yes(large.load.p95 <= 3 * fp95)],
    small && large && ["10,000-measurement page p95 at most 1.3x the 100-measurement page's", `${ratio(large.load.p95, small.load.p95)}`, yes(large.load.p95 <= 1.3 * small.load.p95)],
    ["No sequential scan on measurement, decompression_session, adherence_entry, audit_event (EXPLAIN of every query)", watched.length === 0 ? "none" : watched.join(", "), yes(watched.length === 0)],
    ["... and none counted by pg_stat_user_tables while the pages were under load", counterScans.length === 0 ? "none" : counterScans.join(", "), yes(counterScans.length === 0)],
    [
      "Audit writing adds at most 10 % to the page's latency (p95)",
      `+${ms(auditAddedMs)} = ${auditPageShare.toFixed(1)} % of the page's p95 (query path alone: ${r.audit.overhead.p95Percent.toFixed(1)} %)`,
      yes(auditPageShare <= 10),
    ],
  ].filter((t): t is string[] => Boolean(t));

  const lines = [
    "# Benchmarks",
    "",
    `Measured by \`npm run bench\` on ${r.date} against the \`npm run db:seed:scale\` data set. The tables below are rewritten by every run; the notes block at the end is kept.`,
    "",
    "## Machine",
    "",
    `- CPU: ${r.machine.cpu}, ${r.machine.cores} cores (nproc), shared with whatever else ran at the time`,
    `- Memory: ${r.machine.memoryGiB.toFixed(1)} GiB`,
    `- Node ${r.machine.node}; ${r.machine.postgres}`,
    `- OS: ${r.machine.os}`,
    "",
    "## Data set",
    "",
    "| table | rows |",
    "|---|---:|",
    ...Object.entries(r.data.counts).map(([t, n]) => `| ${t} | ${n.toLocaleString("en-GB")} |`),
    "",
    r.data.seed ? `Seed: ${r.data.seed}` : "Seed timing: not recorded in this database.",
    "",
    "## Method",
    "",
    `- Production build (\`${r.settings.distDir}\`) served by \`node scripts/start.mjs\` on 127.0.0.1, PostgreSQL on the same machine.`,
    `- Signed in by posting the credentials form; pages load with the session cookie. The practitioner's caseload: ${r.data.caseload.toLocaleString("en-GB")} patients.`,
    `- autocannon, ${r.settings.connections} concurrent connections, ${r.settings.seconds} s per run after a ${r.settings.warmupSeconds} s warm-up; percentiles computed from every response time. Every page was checked to answer 200 with its content before its run.`,
    `- The two progress pages are measured in alternation, ${r.settings.rounds} runs each, and each page's runs pooled (per-run p95 in the last column), so a change in the machine's load hits both alike.`,
    "- The floor is `/api/health` (one `select 1`): the cost of the server, the network stack and one database round trip.",
    "",
    "## Results",
    "",
    "| page | path | user | connections | requests | req/s | p50 | p95 | p99 | p95 / floor p95 | non-2xx | peak RSS during run | p95 of each run |",
    "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ...r.runs.map(
      (x) =>
        `| ${x.label} | \`${x.path}\` | ${x.user} | ${x.connections} | ${x.load.requests} | ${x.load.rps.toFixed(1)} | ${ms(x.load.p50)} | ${ms(x.load.p95)} | ${ms(x.load.p99)} | ${ratio(x.load.p95, fp95)} | ${x.load.non2xx + x.load.errors} | ${x.peakRssMiB.toFixed(0)} MiB | ${x.roundP95.map((p) => p.toFixed(0)).join(", ")} |`,
    ),
    "",
    `Peak server memory (VmHWM of the server process over the whole benchmark): **${r.serverPeakMiB.toFixed(0)} MiB**.`,
    "",
    "## Targets",
    "",
    "| target | measured | |",
    "|---|---|---|",
    ...targets.map(([t, m, ok]) => `| ${t} | ${m} | ${ok} |`),
    "",
    "## Audit overhead",
    "",
    `The progress page's query path for ${r.audit.patient} (shell, patient, charts) run in-process at ${r.settings.connections} concurrent callers, with and without its audit insert, in alternating rounds:`,
    "",
    "| variant | calls | p50 | p95 |",
    "|---|---:|---:|---:|",
    `| with the audit insert (as served) | ${r.audit.overhead.withAudit.n} | ${ms(r.audit.overhead.withAudit.p50)} | ${ms(r.audit.overhead.withAudit.p95)} |`,
    `| without it | ${r.audit.overhead.withoutAudit.n} | ${ms(r.audit.overhead.withoutAudit.p50)} | ${ms(r.audit.overhead.withoutAudit.p95)} |`,
    "",
    `Difference: ${r.audit.overhead.p50Percent.toFixed(1)} % at p50, ${r.audit.overhead.p95Percent.toFixed(1)} % at p95; the added time is ${ms(r.audit.overhead.withAudit.p95 - r.audit.overhead.withoutAudit.p95)} at p95, ${((Math.max(0, r.audit.overhead.withAudit.p95 - r.audit.overhead.withoutAudit.p95) / r.audit.pageP95) * 100).toFixed(1)} % of the page's p95 over HTTP (${ms(r.audit.pageP95)}).`,
    "",
    "## Queries and plans",
    "",
    "Every statement each page issues, replayed with its parameters under `EXPLAIN (ANALYZE, BUFFERS)` (writes: plan only). Scans listed per statement; a sequential scan on a watched table is marked.",
    "",
    ...r.explained.flatMap((p) => [
      `### ${p.page}`,
      "",
      "| # | statement | execution | scans |",
      "|---:|---|---:|---|",
      ...p.queries.map(
        (q, i) =>
          `| ${i + 1} | \`${q.sql.slice(0, 90).replaceAll("|", "\\|")}${q.sql.length > 90 ? "…" : ""}\` | ${q.executionMs === null ? "write" : ms(q.executionMs)} | ${q.watchedSeqScans.length ? "**SEQ SCAN** " : ""}${describeScans(q).replaceAll("|", "\\|")} |`,
      ),
      "",
    ]),
    "## Sequential scans counted during each run",
    "",
    "`pg_stat_user_tables.seq_scan` on the watched tables before and after each page's load (read after the statistics were flushed):",
    "",
    "| page | measurement | decompression_session | adherence_entry | audit_event |",
    "|---|---:|---:|---:|---:|",
    ...r.runs.map((x) => `| ${x.label} | ${x.seqScanDelta.measurement ?? 0} | ${x.seqScanDelta.decompression_session ?? 0} | ${x.seqScanDelta.adherence_entry ?? 0} | ${x.seqScanDelta.audit_event ?? 0} |`),
    "",
    "## Notes",
    "",
    keepNotes(path),
    "",
  ];
  writeFileSync(path, lines.join("\n"));
}
