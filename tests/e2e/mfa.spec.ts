import { expect, test, type Page } from "@playwright/test";
import {
  DANA,
  addStaffMember,
  enrolTotp,
  expectAccessible,
  formAlert,
  freshTotpCode,
  signInWithForm,
  signInWithTotp,
  signOutFromMenu,
  staleTotpCode,
  storageFor,
} from "./helpers";

const accountMenu = (page: Page) => page.getByRole("button", { name: /account menu/i });

test.describe("mfa: a second step after the password", () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  // Each test signs several people in and out through the pages.
  test.describe.configure({ timeout: 120_000 });

  test("dana needs a code from her app: a wrong code and a replayed code are refused", async ({ page }) => {
    await signInWithForm(page, DANA.email);
    await expect(page).toHaveURL(/\/login\/verify/);
    await expect(page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
    await expectAccessible(page);
    // Until the second step, nothing else opens: pages, API routes.
    await page.goto("/patients");
    await expect(page).toHaveURL(/\/login\/verify/);
    expect((await page.request.get("/api/patients/lookup?q=ma")).status()).toBe(401);

    await page.getByLabel("Code from your authenticator app").fill(await staleTotpCode(DANA.totpSecret));
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(formAlert(page)).toContainText("That code is not right");

    const code = await freshTotpCode(DANA.totpSecret);
    await page.getByLabel("Code from your authenticator app").fill(code);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(accountMenu(page)).toBeVisible();
    await page.goto("/patients");
    await expect(page.getByRole("heading", { level: 1, name: "Patients" })).toBeVisible();

    await signOutFromMenu(page);
    await signInWithForm(page, DANA.email);
    await page.getByLabel("Code from your authenticator app").fill(code);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(formAlert(page)).toContainText("already been used");
    await page.getByLabel("Code from your authenticator app").fill(await freshTotpCode(DANA.totpSecret));
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(accountMenu(page)).toBeVisible();
  });

  test("a member enrols an app from the key shown, then signs in with a code; a used recovery code is refused", async ({ browser }) => {
    const admin = await browser.newContext({ storageState: storageFor("admin@northside.test") });
    const member = await addStaffMember(await admin.newPage(), browser);
    await admin.close();
    const { page } = member;
    await page.goto("/account/security");
    await expect(page.getByRole("heading", { level: 1, name: "Sign-in security" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Set up an authenticator app" }).click();
    await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
    await page.getByLabel("Code from your app").fill("123");
    await page.getByRole("button", { name: "Turn on" }).click();
    await expect(page.getByText("Enter the 6-digit code from your authenticator app")).toBeVisible();
    await page.reload();
    const { secret, codes } = await enrolTotp(page);
    expect(codes).toHaveLength(10);
    await expectAccessible(page);

    await signOutFromMenu(page);
    await signInWithTotp(page, member.email, secret, member.password);
    await expect(accountMenu(page)).toBeVisible();

    await signOutFromMenu(page);
    await signInWithForm(page, member.email, member.password);
    await page.getByRole("button", { name: "Use a recovery code instead" }).click();
    await page.getByLabel("Recovery code").fill(codes[0]!.toUpperCase());
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(accountMenu(page)).toBeVisible();

    await signOutFromMenu(page);
    await signInWithForm(page, member.email, member.password);
    await page.getByRole("button", { name: "Use a recovery code instead" }).click();
    await page.getByLabel("Recovery code").fill(codes[0]!);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(formAlert(page)).toContainText("already been used");
    await member.context.close();
  });

  test("a clinic that requires a second step sends members without one to set it up; an admin can reset it", async ({ browser }) => {
    // Harbour's own admin stays untouched: a new admin holding a factor sets the rule.
    const harbour = await browser.newContext();
    const harbourPage = await harbour.newPage();
    await signInWithForm(harbourPage, "admin@harbour.test");
    await expect(accountMenu(harbourPage)).toBeVisible();
    const boss = await addStaffMember(harbourPage, browser, { role: "admin" });
    await boss.page.goto("/account/security");
    await enrolTotp(boss.page);
    await boss.page.goto("/settings/staff");
    const member = await addStaffMember(boss.page, browser);
    try {
      await boss.page.goto("/settings/staff");
      await boss.page.getByRole("button", { name: "Require MFA for all staff" }).click();
      await expect(boss.page.getByRole("status").filter({ hasText: "now required" })).toBeVisible();

      await member.page.goto("/patients");
      await expect(member.page).toHaveURL(/\/setup-second-factor/);
      await expect(member.page.getByRole("heading", { name: "Set up a second step" })).toBeVisible();
      await expectAccessible(member.page);
      expect((await member.page.request.get("/api/patients/lookup?q=ma")).status()).toBe(401);
      await enrolTotp(member.page);
      await member.page.getByRole("link", { name: "Continue to Plumbline" }).click();
      await expect(accountMenu(member.page)).toBeVisible();

      // The admin resets the member's factors: their session ends, and enrolment comes round again.
      await boss.page.reload();
      const row = boss.page.getByRole("row").filter({ hasText: member.email });
      await row.getByRole("button", { name: /Reset second step/ }).click();
      await boss.page.getByRole("alertdialog").getByRole("button", { name: "Reset second step" }).click();
      await expect(row.getByText("No second step")).toBeVisible();
      await member.page.goto("/patients");
      await expect(member.page).toHaveURL(/\/login/);
      await signInWithForm(member.page, member.email, member.password);
      await expect(member.page).toHaveURL(/\/setup-second-factor/);
    } finally {
      await boss.page.goto("/settings/staff");
      await boss.page.getByRole("button", { name: "Make it optional" }).click();
      await expect(boss.page.getByRole("status").filter({ hasText: "now optional" })).toBeVisible();
      await Promise.all([member.context.close(), boss.context.close(), harbour.close()]);
    }
  });

  test("a passkey is enrolled and used through Chromium's virtual authenticator", async ({ browser }) => {
    // WebAuthn refuses IP addresses as relying-party ids: this test runs on localhost.
    const localhost = `http://localhost:${process.env.E2E_PORT ?? "3100"}`;
    const admin = await browser.newContext({ storageState: storageFor("admin@northside.test") });
    const member = await addStaffMember(await admin.newPage(), browser, { baseURL: localhost });
    await admin.close();
    const { page } = member;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    await page.goto("/account/security");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await expect(page.getByText("Name the passkey first.", { exact: true })).toBeVisible();
    await page.getByLabel("Name for a new passkey").fill("Test laptop");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await expect(page.getByText("Passkey “Test laptop” added.")).toBeVisible();
    await expect(page.getByRole("list", { name: "Your passkeys" })).toContainText("Test laptop");

    await signOutFromMenu(page);
    await signInWithForm(page, member.email, member.password);
    await expect(page).toHaveURL(/\/login\/verify/);
    await page.getByRole("button", { name: "Use a passkey" }).click();
    await expect(accountMenu(page)).toBeVisible();
    await page.goto("/account/security");
    await expect(page.getByRole("list", { name: "Your passkeys" })).toContainText("last used");
    await member.context.close();
  });
});

test.describe("sessions", () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  test.describe.configure({ timeout: 90_000 });

  test("changing the password ends the user's other session, not this one", async ({ browser }) => {
    const admin = await browser.newContext({ storageState: storageFor("admin@northside.test") });
    const member = await addStaffMember(await admin.newPage(), browser);
    await admin.close();
    const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const otherPage = await other.newPage();
    await signInWithForm(otherPage, member.email, member.password);
    await expect(accountMenu(otherPage)).toBeVisible();
    expect((await (await otherPage.request.get("/api/auth/session")).json())?.user?.email).toBe(member.email);

    const { page } = member;
    await page.goto("/change-password");
    await page.getByLabel("Current password").fill(member.password);
    await page.getByLabel(/^New password \(at least/).fill(`${member.password} and more`);
    await page.getByLabel("New password again").fill(`${member.password} and more`);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(accountMenu(page)).toBeVisible();
    await page.goto("/patients");
    await expect(page.getByRole("heading", { level: 1, name: "Patients" })).toBeVisible();

    await otherPage.goto("/patients");
    await expect(otherPage).toHaveURL(/\/login/);
    const session = await (await otherPage.request.get("/api/auth/session")).json();
    expect(session?.user).toBeUndefined();
    await Promise.all([other.close(), member.context.close()]);
  });
});

