import { readFileSync } from "node:fs";
import { expect, test, type Page } from "./fixtures";
import { expectAccessible, storageFor } from "./helpers";

async function openGarethProgress(page: Page) {
  await page.goto("/patients?q=whitfield");
  await page.getByRole("link", { name: "Whitfield, Gareth" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gareth Whitfield" })).toBeVisible();
  const section = page.getByRole("region", { name: "Progress" });
  await expect(section.getByText("Pain (NPRS)")).toBeVisible();
  // By keyboard, with the pointer out of the way: a pointer resting where a chart appears would bring recharts to it.
  await page.mouse.move(0, 0);
  await section.getByRole("link", { name: "Progress charts" }).press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Progress: Gareth Whitfield" })).toBeVisible();
}

test.describe("progress charts", () => {
  test.use({ storageState: storageFor("ava@northside.test") });

  test("draws the pain chart with its baseline, meaningful-change band and session markers", async ({ page }) => {
    await openGarethProgress(page);
    const pain = page.getByRole("region", { name: "Pain (NPRS 0-10)" });
    // The light drawing first, without recharts.
    const drawing = pain.getByRole("img", { name: /^Pain \(NPRS 0-10\) over time/ });
    await expect(drawing.getByTestId("chart-preview")).toBeVisible();
    await expect(drawing.locator("svg .progress-band")).toHaveCount(1);
    await expect(drawing.locator("svg .progress-baseline")).toHaveCount(1);
    await expect(drawing.locator("svg .progress-line path").first()).toHaveAttribute("d", /^M[\d.]+ [\d.]+(L[\d.]+ [\d.]+)+$/);
    await expect(drawing.locator(".progress-session-marker").first()).toBeVisible();
    await expect(pain.getByText(/no meaningful change/i).first()).toBeVisible();
    await expectAccessible(page);

    // Pointing at it brings recharts, with the same band, baseline and markers, and a tooltip.
    await drawing.hover();
    await expect(pain.locator("svg .recharts-line")).not.toHaveCount(0);
    await expect(pain.getByTestId("chart-preview")).toHaveCount(0);
    await expect(pain.locator("svg .progress-band")).toHaveCount(1);
    await expect(pain.locator("svg .progress-baseline")).toHaveCount(1);
    await expect(pain.locator("svg .progress-session-marker").first()).toBeVisible();
    const surface = pain.locator("svg.recharts-surface");
    const box = (await surface.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect(pain.locator(".recharts-tooltip-wrapper")).toContainText(/\d{4}/);
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "Chart range" }).getByRole("link", { name: "3 months" }).click();
    await expect(page).toHaveURL(/range=3m/);
    await expect(page.getByRole("navigation", { name: "Chart range" }).getByRole("link", { name: "3 months" })).toHaveAttribute("aria-current", "page");
  });

  test("draws every chart at once without recharts, and brings recharts only to the chart that is used", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 600 });
    const chunks: string[] = [];
    page.on("response", (r) => {
      if (r.url().includes("/_next/static/chunks/")) chunks.push(r.url());
    });
    await openGarethProgress(page);
    const charts = page.getByTestId("progress-chart");
    const count = await charts.count();
    expect(count).toBeGreaterThan(2);
    // Far below the fold too, and printed as they are.
    await expect(page.getByTestId("chart-preview")).toHaveCount(count);
    await expect(page.getByTestId("chart-skeleton")).toHaveCount(0);
    await expect(page.locator("svg.recharts-surface")).toHaveCount(0);
    const before = chunks.length;

    // The keyboard reaches the last chart and moves into recharts' drawing, which reads out values with the arrow keys.
    const last = charts.last();
    await last.getByRole("img", { name: /over time/ }).focus();
    const surface = last.locator("svg.recharts-surface");
    await expect(surface).toBeFocused();
    expect(chunks.length).toBeGreaterThan(before);
    await page.keyboard.press("ArrowRight");
    await expect(last.locator(".recharts-tooltip-wrapper")).toContainText(/\d{4}/);
    // The other charts keep their light drawing.
    await expect(page.getByTestId("chart-preview")).toHaveCount(count - 1);
    await expect(page.locator("svg.recharts-surface")).toHaveCount(1);
  });

  test("on a touch screen, a tap on a chart brings recharts to it", async ({ browser }) => {
    const phone = await browser.newContext({ storageState: storageFor("ava@northside.test"), viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await phone.newPage();
    await openGarethProgress(page);
    const pain = page.getByRole("region", { name: "Pain (NPRS 0-10)" });
    const drawing = pain.getByRole("img", { name: /over time/ });
    await expect(drawing.getByTestId("chart-preview")).toBeVisible();
    await drawing.tap();
    await expect(pain.locator("svg .recharts-line")).not.toHaveCount(0);
    await expect(page.locator("svg.recharts-surface")).toHaveCount(1);
    await phone.close();
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
    await expect(pain.getByTestId("chart-preview").locator("svg .progress-band")).toHaveCount(1);

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
