import { expect, test } from "./fixtures";
import { formAlert, storageFor, uniqueSuffix } from "./helpers";
import { startAppServer } from "./support/app-server";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy";

// A second app server reaches PostgreSQL through a TCP proxy the test can
// black-hole or cut: a real outage, not a mock. Only PostgreSQL can go away
// under a running app (the embedded database lives inside the process).
const databaseUrl = process.env.DATABASE_URL;
const base = Number(process.env.E2E_PORT ?? 3100);
const DOWN = "The database is not answering. Nothing was saved. Try again in a minute.";

test.describe("outages: the database stops answering", () => {
  // Skipped on the embedded database only: an outage needs a PostgreSQL server the test can cut off (CI sets DATABASE_URL).
  test.skip(!databaseUrl, "needs DATABASE_URL: an outage is a PostgreSQL server going away");
  test.describe.configure({ mode: "serial", timeout: 120_000 });
  test.use({ storageState: storageFor("ava@northside.test") });

  let proxy: TcpProxy;
  let app: Awaited<ReturnType<typeof startAppServer>>;
  const timings: string[] = [];

  test.beforeAll(async () => {
    const target = new URL(databaseUrl ?? "");
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) }, base + 2);
    const viaProxy = new URL(target);
    viaProxy.port = String(proxy.port);
    // As in production: the runtime role (plumbline_app in CI) through the proxy, no owner URL,
    // so the probe, the pages and the actions all reach the database as that role.
    app = await startAppServer(base + 1, {
      DATABASE_URL: viaProxy.toString(),
      MIGRATION_DATABASE_URL: "",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-use",
    });
  });

  test.afterAll(async () => {
    console.log(`Outage answers: ${timings.join("; ")}`);
    await app?.stop();
    await proxy?.close();
  });

  test.afterEach(() => proxy.restore());

  test("black-holed: pages answer a plain 503 and routes 503 JSON within 6 s, then recover by themselves", async ({ request }) => {
    expect((await request.get(`${app.url}/patients`)).status()).toBe(200);
    proxy.blackHole();
    // The last good answer is trusted for a second; after that every request probes.
    await new Promise((r) => setTimeout(r, 1_200));

    let started = Date.now();
    const page = await request.get(`${app.url}/patients`);
    const pageMs = Date.now() - started;
    expect(page.status()).toBe(503);
    expect(await page.text()).toContain(DOWN);
    expect(pageMs).toBeLessThan(6_000);

    started = Date.now();
    const route = await request.get(`${app.url}/api/patients/lookup?q=ma`);
    const routeMs = Date.now() - started;
    expect(route.status()).toBe(503);
    expect(await route.json()).toEqual({ error: DOWN });
    expect((await request.get(`${app.url}/api/health`)).status()).toBe(503);

    // After a committed save, the outage page must not say nothing was saved.
    const afterSave = await request.get(`${app.url}/patients?saved=${Math.floor(Date.now() / 1000)}`);
    expect(afterSave.status()).toBe(503);
    expect(await afterSave.text()).toContain("Your change was saved.");
    // A stale marker (a bookmark, a reload much later) claims nothing.
    expect(await (await request.get(`${app.url}/patients?saved=1`)).text()).toContain(DOWN);

    proxy.restore();
    started = Date.now();
    await expect.poll(async () => (await request.get(`${app.url}/patients`)).status(), { timeout: 30_000, intervals: [250] }).toBe(200);
    timings.push(`black hole: page 503 in ${pageMs} ms, route 503 in ${routeMs} ms, recovered ${Date.now() - started} ms after the network returned`);
  });

  test("cut: a submitted form keeps what was typed and says so at the top; it saves once the database is back", async ({ page }) => {
    const last = `Outage${uniqueSuffix()}`;
    await page.goto(`${app.url}/patients/new`);
    await page.getByLabel("First name").fill("Noor");
    await page.getByLabel("Last name").fill(last);
    await page.getByLabel("Date of birth").fill("1975-03-14");
    await page.getByLabel("Sex").selectOption("female");

    proxy.cut();
    const started = Date.now();
    await page.getByRole("button", { name: "Create patient" }).click();
    await expect(formAlert(page)).toContainText(DOWN);
    const formMs = Date.now() - started;
    await expect(page.getByLabel("Last name")).toHaveValue(last);
    await expect(page.getByLabel("First name")).toHaveValue("Noor");

    proxy.restore();
    await expect(async () => {
      await page.getByRole("button", { name: "Create patient" }).click();
      await expect(page.getByRole("heading", { level: 1, name: `Noor ${last}` })).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
    timings.push(`cut: form refusal shown in ${formMs} ms`);
  });

  test("cut: pages answer 503 at once, a plain page the browser shows with its security headers", async ({ request, page }) => {
    proxy.cut();
    await new Promise((r) => setTimeout(r, 1_200));
    const started = Date.now();
    const answer = await request.get(`${app.url}/`);
    timings.push(`cut: page 503 in ${Date.now() - started} ms`);
    expect(answer.status()).toBe(503);
    expect(await answer.text()).toContain(DOWN);
    expect(answer.headers()["content-security-policy"]).toMatch(/style-src-elem 'self' 'nonce-/);
    expect(answer.headers()["x-frame-options"]).toBe("DENY");
    // In the browser: its one style carries the nonce, so the fixture sees no CSP violation.
    const shown = await page.goto(`${app.url}/patients`);
    expect(shown?.status()).toBe(503);
    await expect(page.getByRole("heading", { level: 1, name: "The database is not answering" })).toBeVisible();
    await expect(page.getByText(DOWN)).toBeVisible();
  });
});
