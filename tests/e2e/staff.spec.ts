import { expect, test } from "./fixtures";
import { expectAccessible, signInWithForm, storageFor, uniqueSuffix } from "./helpers";

test.describe("settings: staff and audit log (admin)", () => {
  test.use({ storageState: storageFor("admin@northside.test") });

  test("an admin adds a practitioner, who must choose a password at first sign-in", async ({ page, browser }) => {
    const email = `new-${uniqueSuffix()}@northside.test`;
    await page.goto("/settings/staff");
    await expect(page.getByRole("heading", { level: 1, name: /staff/i })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: /add staff member/i }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("Robin Newcomer");
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByRole("button", { name: "Add staff member" }).click();
    const oneTime = (await dialog.locator("code").innerText()).trim();
    expect(oneTime.length).toBeGreaterThanOrEqual(12);
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(page.getByRole("cell", { name: email })).toBeVisible();

    const fresh = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const newcomer = await fresh.newPage();
    await signInWithForm(newcomer, email, oneTime);
    await expect(newcomer).toHaveURL(/\/change-password/);
    await newcomer.goto("/patients");
    await expect(newcomer).toHaveURL(/\/change-password/);
    await newcomer.getByLabel("Current password").fill(oneTime);
    await newcomer.getByLabel(/^New password \(at least/).fill("short");
    await newcomer.getByLabel("New password again").fill("short");
    await newcomer.getByRole("button", { name: "Change password" }).click();
    await expect(newcomer.getByText("Use at least 12 characters")).toBeVisible();
    await newcomer.getByLabel("Current password").fill(oneTime);
    await newcomer.getByLabel(/^New password \(at least/).fill("aaaaaaaaaaaa");
    await newcomer.getByLabel("New password again").fill("aaaaaaaaaaaa");
    await newcomer.getByRole("button", { name: "Change password" }).click();
    await expect(newcomer.getByText(/too easy to guess/)).toBeVisible();
    await newcomer.getByLabel("Current password").fill(oneTime);
    await newcomer.getByLabel(/^New password \(at least/).fill("a long new password 42");
    await newcomer.getByLabel("New password again").fill("a long new password 42");
    await newcomer.getByRole("button", { name: "Change password" }).click();
    await expect(newcomer).toHaveURL(/\/$/);
    await newcomer.goto("/patients");
    await expect(newcomer.getByRole("heading", { level: 1, name: "Patients" })).toBeVisible();
    await fresh.close();
  });

  test("the audit log lists sign-ins and patient views, filterable by action", async ({ page }) => {
    await page.goto("/patients");
    await page.getByRole("table").getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.goto("/settings/audit?action=view");
    await expect(page.getByRole("heading", { level: 1, name: /audit/i })).toBeVisible();
    await expect(page.getByRole("table")).toContainText(/view/i);
    await expectAccessible(page);
  });
});
