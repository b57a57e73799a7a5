import type { Browser, BrowserContext, Page } from "@playwright/test";
import { DEMO_LINK_TOKENS } from "@/db/seed/demo-accounts";
import { DEMO_POSES, drawPosePng } from "@/db/seed/demo-pictures";
import { expect, test } from "./fixtures";
import { expectAccessible, storageFor } from "./helpers";

/**
 * Issue 12: the programme on the patient's phone. Staff share a programme,
 * the patient opens the link on a phone (390 x 844, no session), ticks and
 * rates; offline sessions are queued and sent once; revoked links answer
 * 404, expired 410. Guessing tokens is throttled: tests/e2e/throttling.spec.ts, run after every other spec.
 */
// A Northside picture's address, kept by the first test for the clinic-isolation test below.
let northsideMediaPath = "";

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, serviceWorkers: "allow" as const };

/**
 * The patient these tests share and log for: Gareth Whitfield (Northside). Not Maya: the
 * programmes spec checks her adherence this week, which sessions logged here would add to.
 * His demo link has expired (a new link leaves an expired one as it is).
 */
async function openGarethsProgramme(page: Page) {
  await page.goto("/patients?q=whitfield");
  await page.getByRole("link", { name: "Whitfield, Gareth" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Gareth Whitfield" })).toBeVisible();
  await page.getByRole("region", { name: "Home programme" }).getByRole("link", { name: "View programme" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Home programme, version/ })).toBeVisible();
}

async function shareFromProgramme(page: Page): Promise<string> {
  await page.getByRole("button", { name: /Share with patient|Make a new link/ }).click();
  const field = page.getByLabel(/The patient's link/);
  await expect(field).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code of the patient's link" })).toBeVisible();
  return field.inputValue();
}

/** The sessions figure ("3 of 7") of the newest week in the staff adherence table, and its marker. */
async function newestWeek(page: Page) {
  await page.reload();
  const row = page.getByRole("table", { name: "Weekly adherence to this programme" }).getByRole("row").nth(1);
  await expect(row).toBeVisible();
  return { sessions: (await row.getByRole("cell").nth(1).innerText()).trim(), marked: await row.getByText("Patient-reported").isVisible() };
}

async function phone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(PHONE);
  return { context, page: await context.newPage() };
}

async function saveSession(page: Page, options: { ticks: number; pain: number; effort: string; note?: string }) {
  const boxes = page.getByRole("checkbox", { name: "Done" });
  for (let i = 0; i < options.ticks; i++) await boxes.nth(i).check();
  await page.getByRole("radio", { name: String(options.pain), exact: true }).check();
  await page.getByRole("radio", { name: options.effort }).check();
  if (options.note) await page.getByLabel(/A note for your clinic/).fill(options.note);
  await page.getByRole("button", { name: "Save today's session" }).click();
}

test.describe.serial("the programme on the patient's phone", () => {
  test.use({ storageState: storageFor("ava@northside.test") });
  let url = "";

  test("the demo's link for Maya opens her programme", async ({ browser }) => {
    const { context, page: mobile } = await phone(browser);
    const response = await mobile.goto(`/p/${DEMO_LINK_TOKENS.maya}`);
    expect(response?.status()).toBe(200);
    await expect(mobile.getByRole("heading", { level: 1, name: "Hello Maya" })).toBeVisible();
    await context.close();
  });

  test("staff share Gareth's programme; on a phone he ticks and rates pain, and it shows as patient-reported", async ({ page, browser }) => {
    test.setTimeout(120_000);
    await openGarethsProgramme(page);
    url = await shareFromProgramme(page);
    expect(url).toMatch(/\/p\/[A-Za-z0-9_-]{43}$/);
    await expectAccessible(page);

    const { context, page: mobile } = await phone(browser);
    const response = await mobile.goto(url);
    expect(response?.status()).toBe(200);
    const headers = response!.headers();
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["content-security-policy"]).not.toContain("unsafe-inline");
    expect(headers["content-security-policy"]).not.toContain("data:");
    await expect(mobile.getByRole("heading", { level: 1, name: "Hello Gareth" })).toBeVisible();
    await expect(mobile.getByText("Northside Spine & Posture")).toBeVisible();
    await expect(mobile.getByText("Whitfield")).toHaveCount(0);
    await expect(mobile.getByRole("navigation")).toHaveCount(0);
    // The clinic's demo pictures, served through the link with their checked type.
    const picture = mobile.locator("img.media").first();
    await expect(picture).toBeVisible();
    northsideMediaPath = (await picture.getAttribute("src"))!;
    const media = await mobile.request.get(new URL(northsideMediaPath, url).toString());
    expect([media.status(), media.headers()["content-type"], media.headers()["x-content-type-options"]]).toEqual([200, "image/png", "nosniff"]);
    await expectAccessible(mobile);

    // The page's only script is the patient one, well under the patient budget.
    const scripts = await mobile.evaluate(() => performance.getEntriesByType("resource").filter((e) => (e as PerformanceResourceTiming).initiatorType === "script").map((e) => new URL(e.name).pathname));
    expect(scripts).toEqual(["/p/patient.js"]);

    const before = await newestWeek(page);
    await saveSession(mobile, { ticks: 2, pain: 3, effort: "About right", note: "Felt steady today" });
    await expect(mobile.getByRole("status").first()).toHaveText("Saved. Thank you: your clinic will see it.");
    const after = await newestWeek(page);
    expect(after.marked).toBe(true);
    expect(Number(after.sessions.split(" of ")[0])).toBe(before.marked ? Number(before.sessions.split(" of ")[0]) + 1 : 1);
    await context.close();
  });

  test("a new link can be printed with the programme, as its address and a QR code", async ({ page }) => {
    await openGarethsProgramme(page);
    url = await shareFromProgramme(page);
    await page.getByRole("link", { name: "Print with the link" }).click();
    const printed = page.getByRole("region", { name: "Your programme on your phone" });
    await expect(printed.getByText(url)).toBeVisible();
    await expect(printed.getByRole("img", { name: "QR code of your programme link" })).toBeVisible();
    await expectAccessible(page);
  });

  test("offline: a session is queued on the phone and arrives exactly once, even when an answer is lost", async ({ page, browser }) => {
    test.setTimeout(120_000);
    await openGarethsProgramme(page);
    const { context, page: mobile } = await phone(browser);
    await mobile.goto(url);
    // The service worker keeps the page for offline use.
    await mobile.waitForFunction(async () => Boolean(await caches.match(location.pathname)), undefined, { timeout: 15_000 });
    const start = Number((await newestWeek(page)).sessions.split(" of ")[0]);

    await context.setOffline(true);
    await saveSession(mobile, { ticks: 1, pain: 4, effort: "Too hard" });
    await expect(mobile.getByRole("status").first()).toHaveText(/Saved on this phone/);
    await expect(mobile.getByText("1 session is waiting on this phone to be sent.")).toBeVisible();
    expect(Number((await newestWeek(page)).sessions.split(" of ")[0])).toBe(start);
    await context.setOffline(false);
    await expect(mobile.getByText("1 session is waiting on this phone to be sent.")).toBeHidden({ timeout: 15_000 });
    expect(Number((await newestWeek(page)).sessions.split(" of ")[0])).toBe(start + 1);

    // The server takes the session but the phone never hears back: it keeps it and sends it again.
    let lost = 0;
    await mobile.route("**/sessions", async (route) => {
      if (lost++ === 0) {
        await route.fetch();
        await route.abort("connectionreset");
      } else await route.continue();
    });
    await saveSession(mobile, { ticks: 1, pain: 2, effort: "Too easy" });
    await expect(mobile.getByText("1 session is waiting on this phone to be sent.")).toBeVisible();
    await mobile.reload(); // sends what is queued
    await expect(mobile.getByText("1 session is waiting on this phone to be sent.")).toBeHidden({ timeout: 15_000 });
    expect(lost).toBe(2);
    expect(Number((await newestWeek(page)).sessions.split(" of ")[0])).toBe(start + 2);
    await context.close();
  });

  test("a revoked link answers 404 and an expired one 410, each with a plain page", async ({ page, browser }) => {
    await openGarethsProgramme(page);
    const { context, page: mobile } = await phone(browser);
    const expired = await mobile.goto(`/p/${DEMO_LINK_TOKENS.gareth}`);
    expect(expired?.status()).toBe(410);
    expect(expired?.headers()["referrer-policy"]).toBe("no-referrer");
    await expect(mobile.getByRole("heading", { name: "This link has expired" })).toBeVisible();
    await expectAccessible(mobile);

    const mediaSrc = await (async () => {
      await mobile.goto(url);
      return mobile.locator("img.media").first().getAttribute("src");
    })();
    await page.getByRole("button", { name: "Revoke" }).first().click();
    await expect(page.getByRole("button", { name: "Revoke" })).toHaveCount(0);
    const revoked = await mobile.goto(url);
    expect(revoked?.status()).toBe(404);
    await expect(mobile.getByRole("heading", { name: "Link not found" })).toBeVisible();
    expect((await mobile.request.get(new URL(mediaSrc!, url).toString())).status()).toBe(404);
    await context.close();
  });

});

test.describe("exercise media", () => {
  test.use({ storageState: storageFor("ava@northside.test") });

  test("a file that is not an image, renamed .png, is refused; a real picture is kept and served only to a session", async ({ page, playwright, baseURL }) => {
    await page.goto("/exercises/clamshell");
    const field = page.getByLabel(/picture or video/);
    await field.setInputFiles({ name: "exercise.png", mimeType: "image/png", buffer: Buffer.from("This is a text file pretending to be a picture.\n") });
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await expect(page.getByText(/is not a PNG, JPEG, WebP or GIF picture/)).toBeVisible();
    await expect(page.getByText("No picture or video yet.")).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel(/picture or video/).setInputFiles({ name: "whatever.txt", mimeType: "text/plain", buffer: drawPosePng(DEMO_POSES[1]!) });
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await expect(page.getByText(/^Saved: patients/)).toBeVisible();
    await expect(page.getByRole("img", { name: "How to do Clamshell" })).toBeVisible();
    const served = await page.request.get("/exercises/clamshell/media");
    expect([served.status(), served.headers()["content-type"], served.headers()["x-content-type-options"]]).toEqual([200, "image/png", "nosniff"]);
    const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    expect((await anonymous.get("/exercises/clamshell/media", { maxRedirects: 0 })).status()).not.toBe(200);
    await anonymous.dispose();
  });
});

test.describe("clinic isolation", () => {
  test.use({ storageState: storageFor("cara@harbour.test") });

  test("a Harbour link shows Harbour's patient only, and cannot fetch Northside's pictures", async ({ page, browser }) => {
    await page.goto("/patients");
    const hrefs = await page.getByRole("table").getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")).filter((h) => h && /^\/patients\/[0-9a-f-]{36}$/.test(h)));
    const view = page.getByRole("region", { name: "Home programme" }).getByRole("link", { name: "View programme" });
    for (const href of hrefs) {
      await page.goto(href!);
      if ((await view.count()) > 0) break;
    }
    await view.click();
    const link = await shareFromProgramme(page);
    const { context, page: mobile } = await phone(browser);
    await mobile.goto(link);
    await expect(mobile.getByText("Harbour Physiotherapy")).toBeVisible();
    await expect(mobile.getByText("Northside")).toHaveCount(0);
    // A Northside picture's id, asked for through the Harbour link.
    const northsideMedia = northsideMediaPath.split("/media/")[1];
    expect(northsideMedia, "the first test of this file keeps a Northside picture's address").toBeTruthy();
    expect((await mobile.request.get(`${link}/media/${northsideMedia}`)).status()).toBe(404);
    await context.close();
  });
});
