import { request as playwrightRequest } from "@playwright/test";
import Papa from "papaparse";
import { expect, test } from "./fixtures";
import { expectAccessible, storageFor } from "./helpers";

test.describe("clinic outcome benchmarks", () => {
  test.use({ storageState: storageFor("admin@northside.test") });

  test("an admin opens them from settings, reads a figure with its counts and rule, and downloads the same figures as CSV", async ({ page }) => {
    await page.goto("/settings");
    await page.getByRole("link", { name: /Outcome benchmarks/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Outcome benchmarks" })).toBeVisible();
    await page.getByRole("link", { name: "Last 2 years" }).click();
    await expect(page.getByRole("link", { name: "Last 2 years" })).toHaveAttribute("aria-current", "page");

    const main = page.getByTestId("overall-main");
    await expect(main).toContainText(/\d+ %/);
    const shown = (await main.innerText()).match(/\((\d+) of (\d+) eligible\)/);
    expect(shown, "the main-questionnaire figure shows its counts").not.toBeNull();
    await expect(page.getByText(/Source: Verburg et al\./).first()).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "By decompression protocol" })).toBeVisible();
    await expectAccessible(page);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
    const csv = await (await download.createReadStream()).toArray();
    const rows = Papa.parse<Record<string, string>>(Buffer.concat(csv).toString("utf8"), { header: true, skipEmptyLines: true }).data;
    const overallMain = rows.find((r) => r.section === "All patients" && r.figure === "Main questionnaire responders");
    expect([overallMain?.numerator, overallMain?.denominator]).toEqual([shown![1], shown![2]]);
  });

  test("phone width in dark mode: the tables scroll inside their boxes and the page passes axe", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageFor("admin@northside.test"), viewport: { width: 390, height: 844 }, colorScheme: "dark" });
    const page = await context.newPage();
    await page.goto("/settings/benchmarks?period=2y");
    await expect(page.getByRole("heading", { level: 1, name: "Outcome benchmarks" })).toBeVisible();
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page);
    await context.close();
  });

  test("a practitioner gets 404 for the page and the CSV", async ({ baseURL }) => {
    const ava = await playwrightRequest.newContext({ baseURL, storageState: storageFor("ava@northside.test") });
    expect((await ava.get("/settings/benchmarks", { maxRedirects: 0 })).status()).toBe(404);
    expect((await ava.get("/settings/benchmarks/csv?period=1y", { maxRedirects: 0 })).status()).toBe(404);
    await ava.dispose();
  });
});
