import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { generate } from "otplib";

export const DEMO_PASSWORD = "plumbline-demo";
// One folder per server port, so runs side by side never share sessions.
export const AUTH_DIR = `tests/.cache/auth-${process.env.E2E_PORT ?? "3100"}`;
export const storageFor = (email: string) => `${AUTH_DIR}/${email.replace(/[^a-z0-9]/gi, "_")}.json`;

/** Signs in by posting the credentials form the way the browser would, without clicking through. */
export async function postSignIn(request: APIRequestContext, email: string, password = DEMO_PASSWORD) {
  const csrf = await (await request.get("/api/auth/csrf")).json();
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email, password, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(res.status());
}

/** Signs in through the page, as a person does. */
export async function signInWithForm(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** No serious or critical accessibility violations on the page as it stands. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

export function uniqueSuffix() {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

/** The form's own message (not Next's route announcer, which also has role="alert"). */
export function formAlert(page: Page) {
  return page.locator('[data-slot="alert"]');
}

/** The demo account with an authenticator app, and its demo-only key (README). */
export const DANA = { email: "dana@northside.test", totpSecret: "DANADEMOKEYPLUMBLINENORTHSIDE234" };

const usedSteps = new Map<string, number>();

/**
 * A TOTP code the server has not seen yet: the current 30-second step, or the
 * next one if this one was used (the server allows one step either way),
 * waiting for the clock when both are spent.
 */
export async function freshTotpCode(secret: string): Promise<string> {
  for (;;) {
    const current = Math.floor(Date.now() / 30_000);
    const step = Math.max(current, (usedSteps.get(secret) ?? -1) + 1);
    if (step <= current + 1) {
      usedSteps.set(secret, step);
      return generate({ secret, epoch: step * 30 });
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/** A code for a step long past: certainly refused. */
export async function staleTotpCode(secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) - 3_600 });
}

/** Signs in through the page and gives the second factor with a fresh code. */
export async function signInWithTotp(page: Page, email: string, secret: string, password = DEMO_PASSWORD) {
  await signInWithForm(page, email, password);
  await expect(page).toHaveURL(/\/login\/verify/);
  await page.getByLabel("Code from your authenticator app").fill(await freshTotpCode(secret));
  await page.getByRole("button", { name: "Continue" }).click();
}

/** Remembers a code the page used, so freshTotpCode does not hand it out again. */
export function markTotpStepUsed(secret: string, epochSeconds: number) {
  usedSteps.set(secret, Math.max(usedSteps.get(secret) ?? -1, Math.floor(epochSeconds / 30)));
}

/**
 * An admin (signed in on `adminPage`) adds a staff member; the member signs
 * in once in a fresh context and chooses a password. Returns that context.
 */
export async function addStaffMember(adminPage: Page, browser: Browser, options: { role?: "admin" | "practitioner"; baseURL?: string } = {}) {
  const email = `mfa-${uniqueSuffix()}@clinic.test`;
  const password = `a fresh passphrase ${uniqueSuffix()}`;
  await adminPage.goto("/settings/staff");
  await adminPage.getByRole("button", { name: /add staff member/i }).first().click();
  const dialog = adminPage.getByRole("dialog");
  await dialog.getByLabel("Name").fill(`Member ${email.slice(4, 10)}`);
  await dialog.getByLabel("Email").fill(email);
  if (options.role === "admin") await dialog.getByLabel("Role").selectOption("admin");
  await dialog.getByRole("button", { name: "Add staff member" }).click();
  const oneTime = (await dialog.locator("code").innerText()).trim();
  await dialog.getByRole("button", { name: "Done" }).click();
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, ...(options.baseURL ? { baseURL: options.baseURL } : {}) });
  const page = await context.newPage();
  await signInWithForm(page, email, oneTime);
  await expect(page).toHaveURL(/\/change-password/);
  await page.getByLabel("Current password").fill(oneTime);
  await page.getByLabel(/^New password \(at least/).fill(password);
  await page.getByLabel("New password again").fill(password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).not.toHaveURL(/\/change-password/);
  return { email, password, context, page };
}

/** On the security page: sets up the authenticator app and returns its key and the recovery codes shown. */
export async function enrolTotp(page: Page) {
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  const secret = (await page.getByTestId("totp-secret").innerText()).trim();
  await page.getByLabel("Code from your app").fill(await freshTotpCode(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  const items = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(items).toHaveCount(10);
  const codes = await items.allInnerTexts();
  return { secret, codes };
}

export async function signOutFromMenu(page: Page) {
  await page.getByRole("button", { name: /account menu/i }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

/**
 * Opens the patient palette with Ctrl-K / Cmd-K. A key pressed before the shell has
 * hydrated reaches no listener (a person never types that fast after a page loads), so the
 * press is repeated until the dialog shows; once its code has loaded it shows at once.
 */
export async function openPalette(page: Page) {
  const dialog = page.getByRole("dialog", { name: "Find a patient" });
  await expect(async () => {
    if (!(await dialog.isVisible())) await page.keyboard.press("ControlOrMeta+k");
    await expect(dialog).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  return dialog;
}
