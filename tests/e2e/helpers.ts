import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

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
