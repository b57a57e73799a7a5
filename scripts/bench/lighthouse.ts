// `npm run bench:lighthouse`: Lighthouse's performance and accessibility scores for the
// main pages (dashboard, patient page, progress, assessment form) as a signed-in
// practitioner, in the system Chromium, mobile and desktop, light and dark. Lighthouse is not a
// dependency of the project (176 MB, and 13.x wants Node 22): it runs through
// npx at the pinned version below. Needs DATABASE_URL with the demo loaded
// (npm run db:seed). Writes docs/benchmarks-lighthouse.md. Issue 12 adds the
// patient's phone: /p/<Maya's demo token>, mobile form factor (Lighthouse's
// default throttling: slow 4G, 4x CPU), performance and accessibility, no session.
//   BENCH_LIGHTHOUSE_PORT (3117) CHROMIUM_PATH (/usr/bin/chromium)
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { buildIfNeeded, startServer } from "./server";
import { signInAs } from "./sign-in";
import { DEMO_LINK_TOKENS } from "@/db/seed/demo-accounts";
import { and, eq, sql } from "drizzle-orm";
import { getConnection } from "@/db/runtime";
import { queryRows } from "@/db/query-rows";
import { patients, users } from "@/db/schema";
import { sendQuestionnaire } from "@/lib/patient-reports/mutations";

const LIGHTHOUSE = "lighthouse@12.2.3";
const PORT = Number(process.env.BENCH_LIGHTHOUSE_PORT ?? 3117);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ACCOUNT = { email: "ava@northside.test", password: "plumbline-demo" };

type Audit = { id: string; title: string; score: number | null; scoreDisplayMode: string; displayValue?: string; numericValue?: number; details?: { items?: unknown[] } };
type Category = { score: number; auditRefs: { id: string; weight: number }[] };
type Report = { finalDisplayedUrl: string; categories: { accessibility: Category; performance?: Category }; audits: Record<string, Audit>; lighthouseVersion: string };
type FormFactor = "mobile" | "desktop";
type Row = {
  page: string;
  path: string;
  formFactor: FormFactor;
  scheme: string;
  performance: number;
  accessibility: number;
  lcp: string;
  tbt: string;
  cls: string;
  failing: string[];
  load: string;
};

async function findPatientPath(baseUrl: string, cookie: string): Promise<string> {
  const html = await (await fetch(`${baseUrl}/patients?q=okafor`, { headers: { cookie } })).text();
  const match = /href="(\/patients\/[0-9a-f-]{36})"/.exec(html);
  if (!match) throw new Error("no patient link on /patients?q=okafor: load the demo (npm run db:seed)");
  return match[1]!;
}

type Run = { cookie?: string; scheme: "light" | "dark"; formFactor: FormFactor; name: string };

/**
 * One Lighthouse run. Mobile is Lighthouse's default (Moto G power screen, simulated slow 4G and
 * 4x CPU slowdown); desktop is its desktop preset (1350x940, fast network, no CPU slowdown).
 * With BENCH_LIGHTHOUSE_KEEP=<dir> the JSON report is kept there for reading the trace's audits.
 */
function runLighthouse(url: string, { cookie, scheme, formFactor, name }: Run): Report {
  const dir = mkdtempSync(path.join(tmpdir(), "plumbline-lh-"));
  const out = path.join(dir, "report.json");
  try {
    const result = spawnSync(
      "npx",
      [
        "--yes",
        LIGHTHOUSE,
        url,
        "--only-categories=performance,accessibility",
        "--output=json",
        `--output-path=${out}`,
        "--quiet",
        ...(formFactor === "mobile" ? ["--form-factor=mobile"] : ["--preset=desktop"]),
        ...(cookie ? [`--extra-headers=${JSON.stringify({ cookie })}`] : []),
        `--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --no-first-run --user-data-dir=${path.join(dir, "profile")}${
          scheme === "dark" ? " --force-dark-mode --blink-settings=preferredColorScheme=0" : ""
        }`,
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, encoding: "utf8", timeout: 180_000 },
    );
    if (result.status !== 0) throw new Error(`lighthouse failed for ${url}: ${result.stderr}`);
    const report = JSON.parse(readFileSync(out, "utf8")) as Report;
    // A lost session would audit the sign-in page instead: refuse to report that as the page.
    if (new URL(report.finalDisplayedUrl).pathname !== new URL(url).pathname) throw new Error(`${url} ended on ${report.finalDisplayedUrl}`);
    const keep = process.env.BENCH_LIGHTHOUSE_KEEP;
    if (keep) {
      mkdirSync(keep, { recursive: true });
      copyFileSync(out, path.join(keep, `${name.replace(/[^a-z0-9]+/gi, "-")}-${formFactor}-${scheme}.json`));
    }
    return report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Lighthouse now and then loses the trace of a fast page (NO_NAVSTART, NO_FCP) or, on a loaded
 * machine, meets an interstitial: one more try, then the run is reported as failed (not met)
 * instead of throwing away every other measurement.
 */
function runWithRetry(url: string, run: Run): Report | Error {
  const firstLine = (err: unknown) => (err as Error).message.split("\n")[0]!;
  try {
    return runLighthouse(url, run);
  } catch (err) {
    console.warn(`retrying ${url} (${run.formFactor}, ${run.scheme}): ${firstLine(err)}`);
    try {
      return runLighthouse(url, run);
    } catch (again) {
      return new Error(firstLine(again).replace(/https?:\/\/[^\s:]+:\d+/g, "").replace(/[0-9a-f-]{36}/g, "<id>"));
    }
  }
}

const loadAvg = () => os.loadavg().map((l) => l.toFixed(2)).join(", ");

function toRow(report: Report | Error, page: string, p: string, run: Run, load: string): Row {
  if (report instanceof Error) {
    const failed = `run failed: ${report.message}`;
    return { page, path: p.replace(/[0-9a-f-]{36}/g, "<id>").replace(/\/p\/[^/]+$/, "/p/<token>"), formFactor: run.formFactor, scheme: run.scheme, performance: Number.NaN, accessibility: Number.NaN, lcp: "", tbt: "", cls: "", failing: [failed], load };
  }
  return {
    page,
    path: p.replace(/[0-9a-f-]{36}/g, "<id>").replace(/\/p\/[^/]+$/, "/p/<token>"),
    formFactor: run.formFactor,
    scheme: run.scheme,
    performance: Math.round((report.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
    lcp: report.audits["largest-contentful-paint"]?.displayValue ?? "",
    tbt: report.audits["total-blocking-time"]?.displayValue ?? "",
    cls: report.audits["cumulative-layout-shift"]?.displayValue ?? "",
    failing: failingAudits(report),
    load,
  };
}

function failingAudits(report: Report): string[] {
  return report.categories.accessibility.auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => report.audits[ref.id]!)
    .filter((a) => a.scoreDisplayMode === "binary" && a.score !== null && a.score < 1)
    .map((a) => `${a.id} (${a.details?.items?.length ?? 0} nodes)`);
}

/**
 * A fresh questionnaire link (ODI) for Maya, made as the demo practitioner through the app's own
 * function, so the phone's first questionnaire screen can be measured like the programme page.
 */
async function makeQuestionnaireLink(): Promise<string> {
  const conn = await getConnection();
  try {
    const [account] = await queryRows<{ user_id: string; clinic_id: string }>(conn.db, sql`select user_id, clinic_id from sign_in_account(${ACCOUNT.email})`);
    if (!account) throw new Error(`no account ${ACCOUNT.email}: load the demo`);
    const db = await conn.forClinic(account.clinic_id);
    const [user] = await db.select({ role: users.role, email: users.email }).from(users).where(eq(users.id, account.user_id));
    const [maya] = await db.select({ id: patients.id }).from(patients).where(and(eq(patients.clinicId, account.clinic_id), eq(patients.firstName, "Maya"), eq(patients.lastName, "Okafor")));
    if (!user || !maya) throw new Error("the demo's Maya Okafor is missing");
    const scope = { clinicId: account.clinic_id, userId: account.user_id, role: user.role, email: user.email };
    const sent = await db.transaction((tx) => sendQuestionnaire(tx, scope, { patientId: maya.id, instrument: "odi" }));
    return sent.token;
  } finally {
    await conn.close();
  }
}

const DOC = path.join("docs", "benchmarks-lighthouse.md");
// Everything below this line in the document is written by hand and kept by the bench.
const NOTES_MARKER = "<!-- Notes below this line are written by hand; npm run bench:lighthouse keeps them. -->";

const score = (n: number) => (Number.isNaN(n) ? "—" : String(n));

const table = (rows: Row[]) => [
  "| page | path | form factor | scheme | performance | accessibility | LCP | TBT | CLS | failing accessibility audits | load average (1, 5, 15 min) |",
  "|---|---|---|---|---|---|---|---|---|---|---|",
  ...rows.map(
    (r) =>
      `| ${r.page} | \`${r.path}\` | ${r.formFactor} | ${r.scheme} | ${score(r.performance)} | ${score(r.accessibility)} | ${r.lcp} | ${r.tbt} | ${r.cls} | ${r.failing.join(", ") || "none"} | ${r.load} |`,
  ),
];

async function main() {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is required (the demo on PostgreSQL: npm run db:seed)");
  // BENCH_LIGHTHOUSE_ONLY=progress,dashboard measures only those staff pages (by name) and writes no document.
  const only = process.env.BENCH_LIGHTHOUSE_ONLY?.split(",").map((s) => s.trim());
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production" as const,
    PORT: String(PORT),
    HOST: "127.0.0.1",
    AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-only-secret-not-for-production",
  };
  buildIfNeeded(env);
  const server = await startServer(env, PORT);
  const rows: Row[] = [];
  const phone: Row[] = [];
  let version = "";
  const loadBefore = loadAvg();
  try {
    const cookie = await signInAs(server.baseUrl, ACCOUNT.email, ACCOUNT.password);
    const patient = await findPatientPath(server.baseUrl, cookie);
    const pages: Array<[string, string]> = [
      ["dashboard", "/"],
      ["patient page", patient],
      ["progress", `${patient}/progress`],
      ["assessment form (follow-up)", `${patient}/assessments/new`],
    ];
    for (const [page, p] of pages) {
      if (only && !only.some((o) => page.startsWith(o))) continue;
      for (const formFactor of ["mobile", "desktop"] as const) {
        for (const scheme of ["light", "dark"] as const) {
          const run = { cookie, scheme, formFactor, name: page };
          const load = loadAvg();
          const report = runWithRetry(`${server.baseUrl}${p}`, run);
          if (!(report instanceof Error)) version = report.lighthouseVersion;
          const row = toRow(report, page, p, run, load);
          console.log(`${page} (${formFactor}, ${scheme}): performance ${row.performance}, accessibility ${row.accessibility}, LCP ${row.lcp}, TBT ${row.tbt}, CLS ${row.cls}${row.failing.length ? ` — ${row.failing.join(", ")}` : ""} (load ${load})`);
          rows.push(row);
        }
      }
    }
    if (!only) {
      const questionnaire = await makeQuestionnaireLink();
      const phonePages: Array<[string, string]> = [
        ["programme", `/p/${DEMO_LINK_TOKENS.maya}`],
        ["questionnaire (ODI, first screen)", `/p/${questionnaire}`],
      ];
      for (const [page, p] of phonePages) {
        for (const scheme of ["light", "dark"] as const) {
          const run = { scheme, formFactor: "mobile" as const, name: page };
          const load = loadAvg();
          const row = toRow(runWithRetry(`${server.baseUrl}${p}`, run), page, p, run, load);
          console.log(`patient phone, ${page} (${scheme}): performance ${row.performance}, accessibility ${row.accessibility}, LCP ${row.lcp} (load ${load})`);
          phone.push(row);
        }
      }
    }
  } finally {
    await server.stop();
  }
  if (only) return;
  const a11yMet = rows.every((r) => r.accessibility === 100);
  // A failed run (NaN) meets no target.
  const mobileMet = rows.filter((r) => r.formFactor === "mobile").every((r) => r.performance >= 90);
  const desktopMet = rows.filter((r) => r.formFactor === "desktop").every((r) => r.performance === 100);
  const phoneMet = phone.every((r) => r.performance >= 90 && r.accessibility === 100);
  const verdict = (met: boolean) => (met ? "Met" : "Not met");
  const below = (rs: Row[], ok: (r: Row) => boolean) => rs.filter((r) => !ok(r)).map((r) => `${r.page} ${r.formFactor} ${r.scheme} ${r.performance}`);
  const misses = [
    ...below(rows.filter((r) => r.formFactor === "mobile"), (r) => r.performance >= 90),
    ...below(rows.filter((r) => r.formFactor === "desktop"), (r) => r.performance === 100),
  ];
  const previous = existsSync(DOC) ? readFileSync(DOC, "utf8") : "";
  const notes = previous.includes(NOTES_MARKER) ? previous.slice(previous.indexOf(NOTES_MARKER) + NOTES_MARKER.length) : "\n";
  const lines = [
    "# Lighthouse: performance and accessibility",
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:lighthouse\` (\`scripts/bench/lighthouse.ts\`): Lighthouse ${version} through npx, the system Chromium headless, on the demo data (PostgreSQL), against the production build (\`next start\`). Staff pages are signed in as the demo practitioner ${ACCOUNT.email}. Two form factors: **mobile** is Lighthouse's default (a Moto G Power screen, simulated slow 4G: 150 ms RTT, 1.6 Mbps; 4x CPU slowdown), **desktop** is its desktop preset (1350x940, 40 ms RTT, 10 Mbps, no CPU slowdown). Dark runs force the dark colour scheme, which the app's "system" theme follows. Each row is one run; the load average is the machine's (${os.cpus().length} cores, shared with other sessions) just before that run: with load near or above the core count, performance scores are direction only (Lighthouse's simulated throttling multiplies the CPU time it observes).`,
    "",
    `Load average before the first run: ${loadBefore}; after the last: ${loadAvg()}.`,
    "",
    "## Staff pages",
    "",
    `Targets: accessibility 100 on every page (issue 10): **${verdict(a11yMet)}**. Performance (issue 11) mobile >= 90: **${verdict(mobileMet)}**; desktop 100: **${verdict(desktopMet)}**.${misses.length ? ` Below target: ${misses.join("; ")}.` : ""}`,
    "",
    ...table(rows),
    "",
    "## The patient's phone (issue 12)",
    "",
    `\`/p/<token>\`, no session, mobile form factor: the demo's programme link for Maya, and the first screen of an ODI questionnaire link made for her by the bench (through the app's own sendQuestionnaire). Target: performance >= 90, accessibility 100. **${verdict(phoneMet)}.**`,
    "",
    ...table(phone),
    "",
    "Lighthouse runs a subset of axe-core's rules; the browser suite's `tests/e2e/layout.spec.ts` runs axe itself on every page at three widths (0 serious, 0 moderate). An accessibility score is deterministic for a given page and data set: it counts failed audits, not timings. A performance score is not: it is computed from timings and moves with the machine's load.",
    "",
    NOTES_MARKER,
  ];
  writeFileSync(DOC, lines.join("\n") + notes);
  console.log(`Wrote ${DOC} (accessibility ${a11yMet ? "met" : "not met"}, mobile ${mobileMet ? "met" : "not met"}, desktop ${desktopMet ? "met" : "not met"}).`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
