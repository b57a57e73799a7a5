import { readFileSync } from "node:fs";
import { expect, test, type Page } from "./fixtures";
import { expectAccessible, storageFor } from "./helpers";

async function openGarethProgress(page: Page) {
  await page.goto("/patients?q=whitfield");
  await page.getByRole("link", { name: "Whitfield, Gareth" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gareth Whitfield" })).toBeVisible();
  const section = page.getByRole("region", { name: "Progress" });
  await expect(section.getByText("Pain (NPRS)")).toBeVisible();
  await section.getByRole("link", { name: "Progress charts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Progress: Gareth Whitfield" })).toBeVisible();
}

test.describe("progress charts", () => {
  test.use({ storageState: storageFor("ava@northside.test") });

  test("draws the pain chart with its baseline, meaningful-change band and session markers", async ({ page }) => {
    await openGarethProgress(page);
    const pain = page.getByRole("region", { name: "Pain (NPRS 0-10)" });
    await expect(pain.locator("svg .progress-band")).toHaveCount(1);
    await expect(pain.locator("svg .progress-baseline")).toHaveCount(1);
    await expect(pain.locator("svg .recharts-line")).not.toHaveCount(0);
    await expect(pain.locator("svg .progress-session-marker").first()).toBeVisible();
    await expect(pain.getByText(/no meaningful change/i).first()).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "Chart range" }).getByRole("link", { name: "3 months" }).click();
    await expect(page).toHaveURL(/range=3m/);
    await expect(page.getByRole("navigation", { name: "Chart range" }).getByRole("link", { name: "3 months" })).toHaveAttribute("aria-current", "page");
  });

  test("draws a chart below the fold when it is scrolled near, and every chart before printing", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 600 });
    await openGarethProgress(page);
    const charts = page.getByTestId("progress-chart");
    expect(await charts.count()).toBeGreaterThan(2);
    await expect(charts.first().locator("svg .recharts-line")).not.toHaveCount(0);
    const last = charts.last();
    // Far below a 600 px viewport: a skeleton of the drawing's height, not yet the drawing.
    await expect(last.getByTestId("chart-skeleton")).toHaveCount(1);
    await expect(last.locator("svg.recharts-surface")).toHaveCount(0);
    await last.scrollIntoViewIfNeeded();
    await expect(last.locator("svg .recharts-line")).not.toHaveCount(0);
    await expect(last.getByTestId("chart-skeleton")).toHaveCount(0);

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    await expect(page.getByTestId("chart-skeleton")).toHaveCount(0);
    expect(await page.locator('[data-testid="progress-chart"] svg.recharts-surface').count()).toBe(await charts.count());
  });

  test("shows the same data as a table, and downloads the full series as CSV", async ({ page }) => {
    await openGarethProgress(page);
    const pain = page.getByRole("region", { name: "Pain (NPRS 0-10)" });
    await pain.getByRole("button", { name: "View as table" }).click();
    const table = pain.getByRole("table");
    await expect(table.getByRole("columnheader", { name: "Pain now" })).toBeVisible();
    const dataRows = table.getByRole("row").filter({ has: page.getByRole("cell", { name: /points/ }) });
    await expect(dataRows).not.toHaveCount(0);
    await expectAccessible(page);
    await pain.getByRole("button", { name: "View as chart" }).click();
    await expect(pain.locator("svg .progress-band")).toHaveCount(1);

    const [download] = await Promise.all([page.waitForEvent("download"), pain.getByRole("link", { name: "Download CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^whitfield-gareth-pain-all\.csv$/);
    const lines = readFileSync((await download.path())!, "utf8").trim().split(/\r?\n/);
    expect(lines[0]).toBe("taken_at_utc,clinic_time,instrument,version,score,worst_24h,unit,direction,version_baseline,change_from_version_baseline,verdict,rule");
    expect(lines.length).toBeGreaterThanOrEqual(6);
  });

  test("another clinic cannot open the charts or the CSV", async ({ browser, page }) => {
    await openGarethProgress(page);
    const url = new URL(page.url());
    const harbour = await browser.newContext({ storageState: storageFor("cara@harbour.test") });
    const other = await harbour.newPage();
    await other.goto(url.pathname);
    await expect(other.getByRole("heading", { name: "Not found" })).toBeVisible();
    const csv = await other.request.get(`/api${url.pathname.replace("/progress", "/series/pain")}`);
    expect(csv.status()).toBe(404);
    await harbour.close();
  });
});
