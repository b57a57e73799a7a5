import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures";
import { expectAccessible, storageFor } from "./helpers";

/**
 * Issue 13: the enquiry form framed by the clinic's own website, and by no
 * other. The two "websites" are small HTTP servers the test starts on
 * loopback ports, each a page that frames the real server's embeddable form;
 * Chromium enforces the form's frame-ancestors. (A page made up by
 * page.route counts as public to Chromium, whose local-network rules then
 * block any frame of this loopback server whatever its policy.)
 */
let CLINIC_SITE = "";
let OTHER_SITE = "";
const sites: Server[] = [];

async function startSite(title: string, frameSrc: string): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="en"><title>${title}</title><h1>${title}</h1><iframe src="${frameSrc}" title="Enquiry form" width="400" height="800"></iframe></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  sites.push(server);
  return `http://localhost:${(server.address() as AddressInfo).port}`;
}

test.describe.serial("the embeddable enquiry form", () => {
  test.use({ storageState: storageFor("admin@northside.test") });
  test.beforeAll(async () => {
    // The app's own address, as playwright.config.ts sets baseURL (a test-scoped option, not available here).
    const embed = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}/enquire/northside/embed`;
    CLINIC_SITE = await startSite("Northside Spine", embed);
    OTHER_SITE = await startSite("Somewhere else", embed);
  });
  test.afterAll(async () => {
    await Promise.all(sites.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  test("an admin sets the page's website; the embed answers with that site as its only frame ancestor", async ({ page, request, baseURL }) => {
    await page.goto("/settings/enquiries");
    await expect(page.getByRole("heading", { level: 1, name: "Enquiry page" })).toBeVisible();
    const form = page.getByRole("form", { name: "Enquiry page settings" });
    await form.getByLabel("Your clinic's website").fill("ftp://nope");
    await form.getByRole("button", { name: "Save enquiry page" }).click();
    await expect(form.getByText("The address starts with https:// (or http://)")).toBeVisible();
    await form.getByLabel("Your clinic's website").fill(`${CLINIC_SITE}/contact-us?x=1`);
    await form.getByRole("button", { name: "Save enquiry page" }).click();
    await expect(form.getByText("Saved: your enquiry page is /enquire/northside.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Code for your website")).toHaveValue(new RegExp(`src="${baseURL}/enquire/northside/embed"`));
    await expectAccessible(page);

    const embed = await request.get("/enquire/northside/embed");
    expect(embed.status()).toBe(200);
    expect(embed.headers()["content-security-policy"]).toContain(`frame-ancestors ${CLINIC_SITE}`);
    expect(embed.headers()["x-frame-options"]).toBeUndefined();
    expect(embed.headers()["referrer-policy"]).toBe("no-referrer");
    // The page on its own stays unframable.
    const plain = await request.get("/enquire/northside");
    expect(plain.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(plain.headers()["x-frame-options"]).toBe("DENY");
    // A clinic without a website: its embed can be framed nowhere.
    const harbour = await request.get("/enquire/harbour/embed");
    expect(harbour.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  });

  test("the clinic's site shows the form in a frame; another site gets nothing", async ({ browser }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();

    await page.goto(`${CLINIC_SITE}/contact`);
    await expect(page.frameLocator("iframe").getByRole("heading", { name: "Ask us about your back" })).toBeVisible();

    await page.goto(`${OTHER_SITE}/contact`);
    await page.waitForLoadState("load");
    await expect(page.getByRole("heading", { name: "Somewhere else" })).toBeVisible();
    await expect(page.frameLocator("iframe").getByRole("heading", { name: "Ask us about your back" })).toHaveCount(0);
    await context.close();
  });
});
