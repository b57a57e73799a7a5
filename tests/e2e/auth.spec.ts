import { readFileSync } from "node:fs";
import path from "node:path";
import { decode, encode } from "next-auth/jwt";
import { expect, test, type Page } from "./fixtures";
import { expectAccessible, formAlert, signInWithForm, uniqueSuffix } from "./helpers";

// playwright.config.ts sets it for the run; the server it starts reads the same value.
const IDLE_MINUTES = Number(process.env.AUTH_IDLE_MINUTES ?? 30);

const SESSION_COOKIE = "authjs.session-token";

/** The secret the server under test signs with: as scripts/e2e-server.mjs and lib/env.ts choose it. */
function serverAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (process.env.DATABASE_URL) return "e2e-only-secret-not-for-production-use";
  return readFileSync(path.resolve(".e2e-data", process.env.E2E_PORT ?? "3100", "auth-secret"), "utf8").trim();
}

/** Whether the response to a plain page request set a new session cookie. */
async function setsSessionCookie(page: Page, url: string) {
  const res = await page.request.get(url, { maxRedirects: 0 });
  expect(res.status()).toBe(200);
  return res.headersArray().some((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith(`${SESSION_COOKIE}=`));
}

test.describe("auth: sign-in and sign-out", () => {
  test("an unauthenticated visit goes to the sign-in page", async ({ page }) => {
    await page.goto("/patients");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("heading", { name: "Sign in to Plumbline" })).toBeVisible();
    await expectAccessible(page);
  });

  test("signs in, shows who and where, and signs out", async ({ page }) => {
    await signInWithForm(page, "ben@northside.test");
    await expect(page).toHaveURL(/\/$/);
    // The session slides: a request re-issues it to end AUTH_IDLE_MINUTES later once it is a sixth of that old.
    const session = (await page.context().cookies()).find((c) => c.name.endsWith("authjs.session-token"));
    const minutesLeft = ((session?.expires ?? 0) * 1000 - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(IDLE_MINUTES - 2);
    expect(minutesLeft).toBeLessThanOrEqual(IDLE_MINUTES + 0.5);
    await page.getByRole("button", { name: /account menu/i }).click();
    const menu = page.getByRole("menu");
    await expect(menu.getByText("Northside Spine & Posture")).toBeVisible();
    await expect(menu.getByText("practitioner")).toBeVisible();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/patients");
    await expect(page).toHaveURL(/\/login/);
    // A copy of the old session cookie no longer works: sign-out revoked it on the server.
    await page.context().addCookies([session!]);
    await page.goto("/patients");
    await expect(page).toHaveURL(/\/login/);
  });

  test("the session cookie is re-issued only when its token has aged", async ({ page }) => {
    await signInWithForm(page, "ben@northside.test");
    await expect(page).toHaveURL(/\/$/);
    // Soon after sign-in: the token the browser holds stands, no new cookie.
    expect(await setsSessionCookie(page, "/patients")).toBe(false);
    // The same session in a token two minutes from expiry (re-sealed with the server's secret): renewed.
    const context = page.context();
    const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE)!;
    const secret = serverAuthSecret();
    const payload = await decode({ token: cookie.value, secret, salt: SESSION_COOKIE });
    expect(payload?.sid).toBeTruthy();
    const claims = { ...payload! };
    for (const claim of ["exp", "iat", "jti"] as const) delete claims[claim];
    const aged = await encode({ token: claims, secret, salt: SESSION_COOKIE, maxAge: 120 });
    await context.addCookies([{ ...cookie, value: aged }]);
    expect(await setsSessionCookie(page, "/patients")).toBe(true);
    const renewed = (await context.cookies()).find((c) => c.name === SESSION_COOKIE)!;
    expect(renewed.value).not.toBe(aged);
    expect((renewed.expires * 1000 - Date.now()) / 60_000).toBeGreaterThan(IDLE_MINUTES - 2);
  });

  test("a wrong password and an unknown email get the same message", async ({ page }) => {
    await signInWithForm(page, "ben@northside.test", "not-the-password");
    await expect(formAlert(page)).toHaveText("Email or password is incorrect.");
    await signInWithForm(page, `nobody-${uniqueSuffix()}@northside.test`, "whatever");
    await expect(formAlert(page)).toHaveText("Email or password is incorrect.");
  });

  test("the sixth attempt within the window is refused with the throttle message", async ({ page }) => {
    const email = `locked-${uniqueSuffix()}@northside.test`;
    for (let i = 0; i < 5; i++) {
      await signInWithForm(page, email, `wrong-${i}`);
      await expect(formAlert(page)).toHaveText("Email or password is incorrect.");
    }
    await signInWithForm(page, email, "wrong-6");
    await expect(formAlert(page)).toContainText("Too many failed attempts");
  });
});
