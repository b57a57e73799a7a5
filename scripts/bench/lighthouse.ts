// `npm run bench:lighthouse`: Lighthouse's accessibility score for the main
// pages (dashboard, patient page, progress, assessment form) as a signed-in
// practitioner, in the system Chromium, light and dark. Lighthouse is not a
// dependency of the project (176 MB, and 13.x wants Node 22): it runs through
// npx at the pinned version below. Needs DATABASE_URL with the demo loaded
// (npm run db:seed). Writes docs/benchmarks-lighthouse.md. Issue 12 adds the
// patient's phone: /p/<Maya's demo token>, mobile form factor (Lighthouse's
// default throttling: slow 4G, 4x CPU), performance and accessibility, no session.
//   BENCH_LIGHTHOUSE_PORT (3117) CHROMIUM_PATH (/usr/bin/chromium)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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

type Audit = { id: string; title: string; score: number | null; scoreDisplayMode: string; displayValue?: string; details?: { items?: unknown[] } };
type Category = { score: number; auditRefs: { id: string; weight: number }[] };
type Report = { finalDisplayedUrl: string; categories: { accessibility: Category; performance?: Category }; audits: Record<string, Audit>; lighthouseVersion: string };
type Row = { page: string; path: string; scheme: string; score: number; failing: string[] };

async function findPatientPath(baseUrl: string, cookie: string): Promise<string> {
  const html = await (await fetch(`${baseUrl}/patients?q=okafor`, { headers: { cookie } })).text();
  const match = /href="(\/patients\/[0-9a-f-]{36})"/.exec(html);
  if (!match) throw new Error("no patient link on /patients?q=okafor: load the demo (npm run db:seed)");
  return match[1]!;
}

type Run = { cookie?: string; scheme: "light" | "dark"; mobile?: boolean };

function runLighthouse(url: string, { cookie, scheme, mobile }: Run): Report {
  const dir = mkdtempSync(path.join(tmpdir(), "plumbline-lh-"));
  const out = path.join(dir, "report.json");
  try {
    const result = spawnSync(
      "npx",
      [
        "--yes",
        LIGHTHOUSE,
        url,
        mobile ? "--only-categories=performance,accessibility" : "--only-categories=accessibility",
        "--output=json",
        `--output-path=${out}`,
        "--quiet",
        ...(mobile ? ["--form-factor=mobile"] : ["--form-factor=desktop", "--screenEmulation.disabled"]),
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
    return report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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

async function main() {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is required (the demo on PostgreSQL: npm run db:seed)");
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
  const phone: { page: string; scheme: string; performance: number; accessibility: number; lcp: string; failing: string[] }[] = [];
  let version = "";
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
      for (const scheme of ["light", "dark"] as const) {
        const report = runLighthouse(`${server.baseUrl}${p}`, { cookie, scheme });
        version = report.lighthouseVersion;
        const row = { page, path: p.replace(/[0-9a-f-]{36}/g, "<id>"), scheme, score: Math.round(report.categories.accessibility.score * 100), failing: failingAudits(report) };
        console.log(`${row.page} (${scheme}): ${row.score}${row.failing.length ? ` — ${row.failing.join(", ")}` : ""}`);
        rows.push(row);
      }
    }
    const questionnaire = await makeQuestionnaireLink();
    const phonePages: Array<[string, string]> = [
      ["programme", `/p/${DEMO_LINK_TOKENS.maya}`],
      ["questionnaire (ODI, first screen)", `/p/${questionnaire}`],
    ];
    for (const [page, p] of phonePages) for (const scheme of ["light", "dark"] as const) {
      const url = `${server.baseUrl}${p}`;
      // Lighthouse now and then loses the trace of a page this fast (NO_NAVSTART): one more try.
      let report: Report;
      try {
        report = runLighthouse(url, { scheme, mobile: true });
      } catch {
        report = runLighthouse(url, { scheme, mobile: true });
      }
      const a11y = Math.round(report.categories.accessibility.score * 100);
      const perf = Math.round((report.categories.performance?.score ?? 0) * 100);
      console.log(`patient phone, ${page} (${scheme}): performance ${perf}, accessibility ${a11y}`);
      phone.push({ page, scheme, performance: perf, accessibility: a11y, lcp: report.audits["largest-contentful-paint"]?.displayValue ?? "", failing: failingAudits(report) });
    }
  } finally {
    await server.stop();
  }
  const met = rows.every((r) => r.score === 100);
  const phoneMet = phone.every((r) => r.performance >= 90 && r.accessibility === 100);
  const lines = [
    "# Lighthouse accessibility",
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:lighthouse\` (\`scripts/bench/lighthouse.ts\`): Lighthouse ${version} through npx, the system Chromium headless, desktop form factor, signed in as the demo practitioner ${ACCOUNT.email}, on the demo data (PostgreSQL). Dark runs force the dark colour scheme, which the app's "system" theme follows.`,
    "",
    `Target (issue 10): accessibility 100 on every page. **${met ? "Met" : "Not met"}.**`,
    "",
    "| page | path | scheme | score | failing audits |",
    "|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.page} | \`${r.path}\` | ${r.scheme} | ${r.score} | ${r.failing.join(", ") || "none"} |`),
    "",
    "## The patient's phone (issue 12)",
    "",
    `\`/p/<token>\`, no session, Lighthouse's mobile form factor (its default throttling: slow 4G, 4x CPU slowdown), performance and accessibility: the demo's programme link for Maya, and the first screen of an ODI questionnaire link made for her by the bench (through the app's own sendQuestionnaire). Target: performance >= 90. **${phoneMet ? "Met" : "Not met"}.**`,
    "",
    "| page | scheme | performance | accessibility | largest contentful paint | failing accessibility audits |",
    "|---|---|---|---|---|---|",
    ...phone.map((r) => `| ${r.page} | ${r.scheme} | ${r.performance} | ${r.accessibility} | ${r.lcp} | ${r.failing.join(", ") || "none"} |`),
    "",
    "Lighthouse runs a subset of axe-core's rules; the browser suite's `tests/e2e/layout.spec.ts` runs axe itself on every page at three widths (0 serious, 0 moderate). A score is deterministic for a given page and data set: it counts failed audits, not timings.",
    "",
  ];
  writeFileSync(path.join("docs", "benchmarks-lighthouse.md"), lines.join("\n"));
  console.log(`Wrote docs/benchmarks-lighthouse.md (${met ? "met" : "not met"}).`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
