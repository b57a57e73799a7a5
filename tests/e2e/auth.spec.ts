import { expect, test } from "./fixtures";
import { expectAccessible, formAlert, signInWithForm, uniqueSuffix } from "./helpers";

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
    // The session slides: each request re-issues it to end 30 idle minutes later (AUTH_IDLE_MINUTES).
    const session = (await page.context().cookies()).find((c) => c.name.endsWith("authjs.session-token"));
    const minutesLeft = ((session?.expires ?? 0) * 1000 - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(28);
    expect(minutesLeft).toBeLessThanOrEqual(30.5);
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
