import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { openPalette, storageFor } from "./helpers";

/**
 * Every page at phone, tablet and desktop width: the document never scrolls
 * sideways, and axe finds no serious, critical or moderate violation, also
 * with the user menu open. Each test prints one line per width, so the run
 * log is the per-page table the issue asks for.
 */

const WIDTHS = [390, 768, 1440] as const;
const HEIGHT = 900;
const UUID = "[0-9a-f-]{36}";
// Named by scripts/e2e-server.mjs: while it exists, the held pages wait on the server.
const HOLD_FILE = path.resolve(".e2e-data", `hold-${process.env.E2E_PORT ?? 3100}`);
// The pages that call holdForE2e: a patient, a new assessment, the audit log, staff.
const HELD = new RegExp(`^(/patients/${UUID}|/patients/${UUID}/assessments/new|/settings/audit|/settings/staff)$`);

type Check = { width: number; scrollWidth: number; serious: string[]; moderate: string[] };

async function runAxe(page: Page): Promise<{ serious: string[]; moderate: string[] }> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const describe = (v: (typeof results.violations)[number]) => `${v.id} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`;
  return {
    serious: results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map(describe),
    moderate: results.violations.filter((v) => v.impact === "moderate").map(describe),
  };
}

async function measure(page: Page, width: number): Promise<Check> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  return { width, scrollWidth, ...(await runAxe(page)) };
}

function report(name: string, checks: Check[]) {
  for (const c of checks) {
    console.log(`layout ${name} @${c.width}: scrollWidth ${c.scrollWidth}, axe serious ${c.serious.length} / moderate ${c.moderate.length}${[...c.serious, ...c.moderate].map((v) => `\n  ${v}`).join("")}`);
  }
  for (const c of checks) {
    expect.soft(c.scrollWidth, `${name} at ${c.width} px scrolls sideways`).toBeLessThanOrEqual(c.width);
    expect.soft(c.serious, `${name} at ${c.width} px: serious axe violations`).toEqual([]);
    expect.soft(c.moderate, `${name} at ${c.width} px: moderate axe violations`).toEqual([]);
  }
}

/** Visits a page at each width and checks it as it stands once loaded (`ready` waits for it), optionally after `open`. */
async function checkPage(page: Page, name: string, path: string, ready: (page: Page) => Promise<void>, open?: (page: Page) => Promise<void>) {
  const checks: Check[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: HEIGHT });
    await page.goto(path);
    await ready(page);
    if (open) await open(page);
    checks.push(await measure(page, width));
  }
  report(name, checks);
}

const h1 = (page: Page) => expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();

/** The demo patient with every kind of record (assessments, a course with sessions, a programme). */
async function findMaya(page: Page) {
  await page.goto("/patients?q=okafor");
  await page.getByRole("link", { name: "Okafor, Maya" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/patients/${UUID}$`));
  const base = new URL(page.url()).pathname;
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const pick = (re: RegExp) => hrefs.find((h) => re.test(h));
  return {
    base,
    assessment: pick(new RegExp(`^${base}/assessments/${UUID}$`)),
    course: pick(new RegExp(`^${base}/decompression/${UUID}$`)),
    programme: pick(new RegExp(`^${base}/programmes/${UUID}$`)),
  };
}

test.describe("layout and accessibility at 390, 768 and 1440 px", () => {
  test.use({ storageState: storageFor("admin@northside.test") });
  // Three widths with axe each: a chart-heavy page takes minutes on a loaded 2-core machine
  test.describe.configure({ timeout: 300_000 });

  const simple: Array<[string, string]> = [
    ["dashboard", "/"],
    ["dashboard (clinic)", "/?view=clinic"],
    ["alerts", "/alerts"],
    ["patient list", "/patients"],
    ["new patient", "/patients/new"],
    ["exercise library", "/exercises"],
    ["new exercise", "/exercises/new"],
    ["settings", "/settings"],
    ["clinical settings", "/settings/clinical"],
    ["staff", "/settings/staff"],
    ["audit log", "/settings/audit"],
    ["import patients", "/settings/import"],
    ["enquiry page settings", "/settings/enquiries"],
    ["not found", "/no-such-page"],
    ["patient not found", "/patients/00000000-0000-4000-8000-000000000000"],
  ];
  for (const [name, path] of simple) {
    test(`${name} (${path})`, async ({ page }) => {
      await checkPage(page, name, path, h1);
    });
  }

  test("exercise detail", async ({ page }) => {
    await page.goto("/exercises");
    const href = await page.locator('main a[href^="/exercises/"]:not([href="/exercises/new"])').first().getAttribute("href");
    expect(href).toBeTruthy();
    await checkPage(page, "exercise detail", href!, h1);
  });

  // One test per page: each visit at three widths with axe takes a while on a shared machine
  const patientPages: Array<[string, (maya: Awaited<ReturnType<typeof findMaya>>) => string | undefined]> = [
    ["patient", (m) => m.base],
    ["edit patient", (m) => `${m.base}/edit`],
    ["flags", (m) => `${m.base}/flags`],
    ["progress", (m) => `${m.base}/progress`],
    ["new assessment", (m) => `${m.base}/assessments/new`],
    ["assessment", (m) => m.assessment],
    ["amend assessment", (m) => m.assessment && `${m.assessment}/amend`],
    ["decompression", (m) => `${m.base}/decompression`],
    ["new course", (m) => `${m.base}/decompression/new`],
    ["course", (m) => m.course],
    ["programmes", (m) => `${m.base}/programmes`],
    ["new programme", (m) => `${m.base}/programmes/new`],
    ["programme", (m) => m.programme],
    ["printed programme", (m) => m.programme && `/print/programmes/${m.programme.split("/").pop()}`],
  ];
  for (const [name, pathOf] of patientPages) {
    test(`patient page: ${name}`, async ({ page }) => {
      const path = pathOf(await findMaya(page));
      expect(path, `Maya Okafor has a ${name} page`).toBeTruthy();
      await checkPage(page, name, path!, h1);
    });
  }

  test("patient page: session", async ({ page }) => {
    const maya = await findMaya(page);
    await page.goto(maya.course!);
    const session = await page.locator(`main a[href*="/sessions/"]`).first().getAttribute("href");
    expect(session).toBeTruthy();
    await checkPage(page, "session", session!, h1);
  });

  test("a draft assessment", async ({ page }) => {
    await page.goto("/");
    const links = page.locator('main a[href$="/edit"][href*="/assessments/"]');
    const draft = (await links.count()) > 0 ? await links.first().getAttribute("href") : null;
    // Skipped only when the signed-in persona has no draft on the dashboard (the demo seed gives Ava one); the draft page is then unreachable from here.
    test.skip(!draft, "no demo draft for this user");
    await checkPage(page, "edit draft", draft!, h1);
  });

  test("with the user menu open", async ({ page }) => {
    await checkPage(page, "dashboard, user menu open", "/", h1, async (p) => {
      await p.getByRole("button", { name: /Account menu/ }).click();
      await expect(p.getByRole("menu")).toBeVisible();
    });
    await checkPage(page, "patient list, user menu open", "/patients", h1, async (p) => {
      await p.getByRole("button", { name: /Account menu/ }).click();
      await expect(p.getByRole("menu")).toBeVisible();
    });
  });

  test("the navigation collapses at 768 px and below, and opens as a sheet", async ({ page }) => {
    for (const width of [390, 768]) {
      await page.setViewportSize({ width, height: HEIGHT });
      await page.goto("/patients");
      await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
      await page.getByRole("button", { name: "Open navigation" }).click();
      const sheet = page.getByRole("dialog");
      await expect(sheet.getByRole("navigation", { name: "Main" })).toBeVisible();
      report(`navigation sheet open`, [await measure(page, width)]);
    }
    await page.setViewportSize({ width: 1440, height: HEIGHT });
    await page.goto("/patients");
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Open navigation" })).toBeHidden();
  });

  test("the command palette open", async ({ page }) => {
    const checks: Check[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: HEIGHT });
      await page.goto("/patients");
      await h1(page);
      await openPalette(page);
      checks.push(await measure(page, width));
    }
    report("command palette open", checks);
  });

  // The target pages wait while the hold file exists (lib/e2e-hold.ts, switched on only by
  // scripts/e2e-server.mjs), so each route's own loading view is what the browser shows.
  test("loading views, held open by holding the page on the server", async ({ page }) => {
    // Twelve held navigations with axe each: minutes on a loaded 2-core machine
    test.setTimeout(900_000);
    const maya = await findMaya(page);
    // [name, page holding the link, the link's href]
    // A loading view shows when the segment under its boundary changes: dashboard -> a patient
    // uses the shell's, patient -> new assessment and settings -> audit / staff their own
    const targets: Array<[string, string, string]> = [
      ["shell loading", "/?view=clinic", "first patient link"],
      ["new assessment loading", maya.base, `${maya.base}/assessments/new`],
      ["audit loading", "/settings", "/settings/audit"],
      ["staff loading", "/settings", "/settings/staff"],
    ];
    try {
      for (const [name, from, target] of targets) {
        const checks: Check[] = [];
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: HEIGHT });
          // No prefetch of the target: a prefetched page would be shown at once, with no loading
          // view to check. The navigation itself then waits on the server while the file exists.
          await page.route(
            (url) => url.pathname !== from && HELD.test(url.pathname),
            (route) => (Object.keys(route.request().headers()).some((h) => h.includes("prefetch")) ? route.abort() : route.continue()),
          );
          await page.goto(from);
          await h1(page);
          const href = target === "first patient link" ? ((await page.locator(`main a[href^="/patients/"]`).first().getAttribute("href")) ?? "") : target;
          writeFileSync(HOLD_FILE, name);
          await page.locator(`main a[href="${href}"]`).first().click();
          await expect(page.locator('main [aria-busy="true"]').first()).toBeVisible();
          checks.push(await measure(page, width));
          expect.soft(await page.getByRole("heading", { level: 1 }).count(), `${name} has an h1`).toBeGreaterThan(0);
          rmSync(HOLD_FILE, { force: true });
          await page.waitForURL((url) => url.pathname === href);
          await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
          await page.unrouteAll({ behavior: "ignoreErrors" });
        }
        report(name, checks);
      }
    } finally {
      rmSync(HOLD_FILE, { force: true });
    }
  });
});

test.describe("layout and accessibility signed out", () => {
  test("sign-in page", async ({ page }) => {
    await checkPage(page, "sign in", "/login", h1);
  });
});
