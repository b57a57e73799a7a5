import type { Browser, Page } from "@playwright/test";
import { MIN_FILL_SECONDS } from "@/lib/enquiries/schemas";
import { expect, test } from "./fixtures";
import { expectAccessible, storageFor, uniqueSuffix } from "./helpers";

/**
 * Issue 13 part 1: the public enquiry page on a phone (390 x 844, no session),
 * its spam rules, and the staff inbox with its 24-hour clock. The per-address
 * limit is in tests/e2e/throttling.spec.ts, run after every other spec.
 */
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function phonePage(browser: Browser) {
  const context = await browser.newContext(PHONE);
  return { context, page: await context.newPage() };
}

async function fillEnquiry(page: Page, name: string) {
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Phone number").fill("07700 900555");
  await page.getByLabel(/^Email/).fill("enquirer@example.test");
  await page.getByLabel("What is wrong?").fill("Low back pain for three weeks, worse when sitting.");
  await page.getByLabel(/Best times to call you/).fill("Weekday mornings");
  await page.getByRole("checkbox", { name: /I agree that the clinic may contact me/ }).check();
}

/** A person takes longer than the minimum fill time; the test waits it out rather than forging the stamp. */
const waitLikeAPerson = (page: Page) => page.waitForTimeout(MIN_FILL_SECONDS * 1000 + 300);

test.describe.serial("enquiries", () => {
  test.use({ storageState: storageFor("ava@northside.test") });
  const name = `Enquirer ${uniqueSuffix()}`;

  test("a missing clinic slug is 404, and the page is public with the patient pages' headers", async ({ browser }) => {
    const { context, page } = await phonePage(browser);
    const missing = await page.goto("/enquire/no-such-clinic");
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    const ok = await page.goto("/enquire/northside");
    expect(ok?.status()).toBe(200);
    expect(ok?.headers()["referrer-policy"]).toBe("no-referrer");
    expect(ok?.headers()["content-security-policy"]).toContain("default-src 'none'");
    await expect(page.getByRole("heading", { level: 1, name: "Ask us about your back" })).toBeVisible();
    await expect(page.getByText("Northside Spine & Posture")).toBeVisible();
    expect(await page.locator("script").count()).toBe(0);
    await expectAccessible(page);
    await context.close();
  });

  test("bad input is answered next to the field, and nothing is lost", async ({ browser }) => {
    const { context, page } = await phonePage(browser);
    await page.goto("/enquire/northside");
    await page.getByLabel("Your name").fill("Someone");
    await page.getByLabel("Phone number").fill("abc");
    await waitLikeAPerson(page);
    await page.getByRole("button", { name: "Send enquiry" }).click();
    await expect(page.getByText("Enter a phone number of digits")).toBeVisible();
    await expect(page.getByText("Tick the box so the clinic may contact you.")).toBeVisible();
    await expect(page.getByLabel("Your name")).toHaveValue("Someone");
    await expectAccessible(page);
    await context.close();
  });

  test("an enquiry sent on a phone reaches the inbox with its clock", async ({ browser, page }) => {
    const { context, page: mobile } = await phonePage(browser);
    await mobile.goto("/enquire/northside");
    await fillEnquiry(mobile, name);
    await waitLikeAPerson(mobile);
    await mobile.getByRole("button", { name: "Send enquiry" }).click();
    await expect(mobile.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();
    await context.close();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/enquiries");
    const card = page.getByTestId("enquiry").filter({ has: page.getByRole("heading", { name }) });
    await expect(card).toBeVisible();
    await expect(card.getByTestId("enquiry-clock")).toHaveText(/(23|24) h \d+ min left to reply/);
    // The demo's overdue enquiry shows as overdue.
    await expect(page.getByTestId("enquiry-clock").filter({ hasText: /Overdue by/ }).first()).toBeVisible();
    await expectAccessible(page);
  });

  test("email off: the inbox gives what to say on the phone from a template; noting the call keeps it on the enquiry and stops the clock", async ({ page }) => {
    await page.goto("/enquiries");
    const card = page.getByTestId("enquiry").filter({ has: page.getByRole("heading", { name }) });
    const reply = card.getByRole("form", { name: `Reply to ${name}` });
    await expect(reply.getByText("Email is off: call the enquirer, say this, then note the call.")).toBeVisible();
    await reply.getByLabel("Template").selectOption({ label: "Ask for more details" });
    const script = reply.getByLabel("What to say on the phone");
    await expect(script).toHaveValue(/^Hello Enquirer,/);
    await expect(script).toHaveValue(/could you tell us a little more/);
    await script.fill("Called: pain for three weeks, no red flags mentioned; will call back to book.");
    await reply.getByRole("button", { name: "Note the call" }).click();
    await expect(reply.getByText("Call noted on the enquiry.")).toBeVisible();
    await page.reload();
    const updated = page.getByTestId("enquiry").filter({ has: page.getByRole("heading", { name }) });
    await updated.getByText("1 reply so far").click();
    await expect(updated.getByText("Called: pain for three weeks, no red flags mentioned; will call back to book.")).toBeVisible();
    await expect(updated.getByTestId("enquiry-clock")).toHaveCount(0);
    await expect(updated.getByLabel(/Status/)).toHaveValue("contacted");
    await expectAccessible(page);
  });

  test("status changes and Convert to patient prefills the new-patient form", async ({ page }) => {
    await page.goto("/enquiries");
    const card = page.getByTestId("enquiry").filter({ has: page.getByRole("heading", { name }) });
    await card.getByLabel(/Status/).selectOption("contacted");
    await card.getByRole("button", { name: "Save status" }).click();
    await expect(card.getByText("Marked contacted.")).toBeVisible();
    await card.getByRole("link", { name: "Convert to patient" }).click();
    await expect(page.getByLabel("First name")).toHaveValue("Enquirer");
    await expect(page.getByLabel("Phone")).toHaveValue("07700 900555");
    // Email is off on this server: no intake checkbox, and the form says where the intake link is made instead.
    await expect(page.getByText(/Intake: email is off on this server/)).toBeVisible();
    await expect(page.getByRole("checkbox", { name: "Email an intake link" })).toHaveCount(0);
    await page.getByLabel("Date of birth").fill("1984-02-11");
    await page.getByLabel("Sex").selectOption("unknown");
    await page.getByRole("button", { name: "Create patient" }).click();
    await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}/);
    const patientPath = new URL(page.url()).pathname;
    // The enquiry now points at the patient and is booked; it is no longer offered for conversion.
    await page.goto("/enquiries");
    const converted = page.getByTestId("enquiry").filter({ has: page.getByRole("heading", { name }) });
    await expect(converted.getByRole("link", { name: "Open patient" })).toHaveAttribute("href", patientPath);
    await expect(converted.getByLabel(/Status/)).toHaveValue("booked");
  });

  test("the dashboard counts the overdue enquiries", async ({ page }) => {
    await page.goto("/");
    const card = page.getByRole("region", { name: /Enquiries waiting too long/ });
    await expect(card).toBeVisible();
    await expect(card.getByText(/1 enquiry is overdue|\d+ enquiries are overdue/)).toBeVisible();
  });

  test("a filled honeypot and a too-fast submission get the thank-you, and nothing is stored", async ({ browser, page }) => {
    const { context, page: mobile } = await phonePage(browser);
    const bot = `Robot ${uniqueSuffix()}`;
    await mobile.goto("/enquire/northside");
    // Filled and sent in one step right after the page arrived: well inside the minimum fill time, however slow the machine.
    await mobile.evaluate((who) => {
      const form = document.querySelector("form")!;
      const set = (n: string, v: string) => ((form.elements.namedItem(n) as HTMLInputElement).value = v);
      set("name", who);
      set("phone", "07700 900555");
      set("concern", "Back pain");
      (form.elements.namedItem("consent") as HTMLInputElement).checked = true;
      form.submit();
    }, `${bot} fast`);
    await expect(mobile.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();
    await mobile.goto("/enquire/northside");
    await fillEnquiry(mobile, `${bot} trap`);
    await mobile.locator('input[name="website"]').fill("http://spam.example");
    await waitLikeAPerson(mobile);
    await mobile.getByRole("button", { name: "Send enquiry" }).click();
    await expect(mobile.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();
    await context.close();
    await page.goto("/enquiries");
    await expect(page.getByRole("heading", { level: 1, name: "Enquiries" })).toBeVisible();
    await expect(page.getByText(bot)).toHaveCount(0);
  });
});
