import { expect, test } from "./fixtures";
import { expectAccessible, storageFor } from "./helpers";

/**
 * Issue 13: the enquiry form framed by the clinic's own website, and by no
 * other. The two "websites" are served by the test itself (page.route): the
 * frame inside them is the real server's embeddable page, and Chromium
 * enforces its frame-ancestors. Both sites are loopback origins (ports with
 * nothing listening; the route answers): Chromium's local-network rules would
 * block a public site from framing this 127.0.0.1 server whatever the policy.
 */
const CLINIC_SITE = "http://localhost:3998";
const OTHER_SITE = "http://localhost:3997";

test.describe.serial("the embeddable enquiry form", () => {
  test.use({ storageState: storageFor("admin@northside.test") });

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

  test("the clinic's site shows the form in a frame; another site gets nothing", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    const host = (title: string) => `<!doctype html><html lang="en"><title>${title}</title><h1>${title}</h1><iframe src="${baseURL}/enquire/northside/embed" title="Enquiry form" width="400" height="800"></iframe></html>`;
    await page.route(`${CLINIC_SITE}/**`, (route) => route.fulfill({ contentType: "text/html", body: host("Northside Spine") }));
    await page.route(`${OTHER_SITE}/**`, (route) => route.fulfill({ contentType: "text/html", body: host("Somewhere else") }));

    await page.goto(`${CLINIC_SITE}/contact`);
    await expect(page.frameLocator("iframe").getByRole("heading", { name: "Ask us about your back" })).toBeVisible();

    await page.goto(`${OTHER_SITE}/contact`);
    await page.waitForLoadState("load");
    await expect(page.getByRole("heading", { name: "Somewhere else" })).toBeVisible();
    await expect(page.frameLocator("iframe").getByRole("heading", { name: "Ask us about your back" })).toHaveCount(0);
    await context.close();
  });
});
