import { expect, test } from "./fixtures";
import { expectAccessible, storageFor } from "./helpers";

test.describe("settings: email (admin)", () => {
  test.use({ storageState: storageFor("admin@harbour.test") });

  test("says email is off without SMTP settings and shows the empty delivery list, accessible at phone width", async ({ page }) => {
    await page.goto("/settings");
    await page.getByRole("link", { name: /Email/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Email" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Email is off" })).toBeVisible();
    await expect(page.getByText(/copying the link or showing the QR code/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "No messages yet" })).toBeVisible();
    await expectAccessible(page);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});

test.describe("settings: email (practitioner)", () => {
  test.use({ storageState: storageFor("cara@harbour.test") });
  test("is admin-only: a practitioner gets 404", async ({ page }) => {
    const res = await page.goto("/settings/email");
    expect(res?.status()).toBe(404);
  });
});

test.describe("reminder opt-out (public)", () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  test("opens without sign-in with one button; an unknown token is refused with a plain 404 page; the page sends no referrer to other sites", async ({ page }) => {
    const res = await page.goto(`/reminders/opt-out/${"A".repeat(43)}`);
    expect(res?.status()).toBe(200);
    await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "same-origin");
    await expect(page.getByRole("heading", { name: "Stop exercise reminders" })).toBeVisible();
    await expectAccessible(page);
    const [post] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Stop reminders" }).click()]);
    expect(post.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Link not recognised" })).toBeVisible();
    const bad = await page.goto("/reminders/opt-out/short");
    expect(bad?.status()).toBe(404);
  });
});
