import { rmSync } from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { expect, test, type Page } from "./fixtures";
import { INTAKE_RED_FLAGS, RED_FLAG_MESSAGES } from "@/lib/clinical/intake-red-flags";
import { MIN_FILL_SECONDS } from "@/lib/enquiries/schemas";
import { expectAccessible, postSignIn, storageFor, uniqueSuffix } from "./helpers";
import { startAppServer } from "./support/app-server";

test.describe("settings: email (admin)", () => {
  test.use({ storageState: storageFor("admin@harbour.test") });

  test("says email is off without SMTP settings and shows the empty delivery list, accessible at phone width", async ({ page }) => {
    await page.goto("/settings");
    await page.getByRole("link", { name: /Email/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Email" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Email is off" })).toBeVisible();
    await expect(page.getByText(/copying the link or showing the QR code/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "No messages yet" })).toBeVisible();
    await expectAccessible(page);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});

test.describe("settings: email (practitioner)", () => {
  test.use({ storageState: storageFor("cara@harbour.test") });
  test("is admin-only: a practitioner gets 404", async ({ page }) => {
    const res = await page.goto("/settings/email");
    expect(res?.status()).toBe(404);
  });
});

test.describe("reminder opt-out (public)", () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  test("opens without sign-in with one button; an unknown token is refused with a plain 404 page; the page sends no referrer to other sites", async ({ page }) => {
    const res = await page.goto(`/reminders/opt-out/${"A".repeat(43)}`);
    expect(res?.status()).toBe(200);
    await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "same-origin");
    await expect(page.getByRole("heading", { name: "Stop exercise reminders" })).toBeVisible();
    await expectAccessible(page);
    const [post] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Stop reminders" }).click()]);
    expect(post.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Link not recognised" })).toBeVisible();
    const bad = await page.goto("/reminders/opt-out/short");
    expect(bad?.status()).toBe(404);
  });
});

/** Gareth Whitfield's programme (Northside): other specs make new links for him too; Maya's demo link stays. */
async function openGarethsProgramme(page: Page) {
  await page.goto("/patients?q=whitfield");
  await page.getByRole("link", { name: "Whitfield, Gareth" }).first().click();
  await page.getByRole("region", { name: "Home programme" }).getByRole("link", { name: "View programme" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Home programme, version/ })).toBeVisible();
}

async function share(page: Page): Promise<string> {
  await page.getByRole("button", { name: /Share with patient|Make a new link/ }).click();
  const field = page.getByLabel(/The patient's link/);
  await expect(field).toBeVisible();
  return field.inputValue();
}

test.describe("share with patient, email off", () => {
  test.use({ storageState: storageFor("ava@northside.test") });
  test("offers copy-link and QR only and says email is off; the phone page has no reminder form", async ({ page, browser }) => {
    await openGarethsProgramme(page);
    const url = await share(page);
    await expect(page.getByText("Email is off on this server: copy the link or let the patient scan the QR code.")).toBeVisible();
    await expect(page.getByRole("button", { name: /Email the link/ })).toHaveCount(0);
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const mobile = await phone.newPage();
    await mobile.goto(url);
    await expect(mobile.getByRole("heading", { level: 1, name: "Hello Gareth" })).toBeVisible();
    await expect(mobile.getByRole("heading", { name: "Daily reminder" })).toHaveCount(0);
    await phone.close();
  });
});

test.describe.serial("email on: its own app server with a local SMTP server", () => {
  const port = Number(process.env.E2E_PORT ?? 3100) + 5;
  const received: { to: string[]; raw: string }[] = [];
  let smtp: SMTPServer;
  let app: Awaited<ReturnType<typeof startAppServer>>;
  let link = "";

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData(stream, session, cb) {
        let raw = "";
        stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: raw.replace(/=\r?\n/g, "") });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const smtpPort = (smtp.server.address() as { port: number }).port;
    const env: Record<string, string> = { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: "clinic@plumbline.test" };
    if (process.env.DATABASE_URL) {
      // The same PostgreSQL database as the main server, as its runtime role.
      Object.assign(env, { MIGRATION_DATABASE_URL: "", AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-use" });
    } else {
      // Its own embedded database (a data folder has one opener), migrated and loaded with the demo at start.
      const dir = path.resolve(".e2e-data", `mail-${port}`);
      rmSync(dir, { recursive: true, force: true });
      env.PGLITE_DIR = dir;
    }
    app = await startAppServer(port, env);
  });
  test.afterAll(async () => {
    await app?.stop();
    await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
  });

  test("'Email the link' sends it to the patient's address through the queue; it arrives at the SMTP server", async ({ browser }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ baseURL: app.url });
    await postSignIn(context.request, "ava@northside.test");
    const page = await context.newPage();
    await openGarethsProgramme(page);
    link = await share(page);
    const button = page.getByRole("button", { name: /^Email the link to .+@/ });
    await expect(button).toBeVisible();
    const address = (await button.innerText()).replace(/^.*Email the link to /, "").trim();
    await button.click();
    await expect(page.getByText(`Email queued for ${address}.`)).toBeVisible();
    await expectAccessible(page);
    await expect.poll(() => received.filter((m) => m.to.includes(address)).length, { timeout: 30_000 }).toBe(1);
    const mail = received.find((m) => m.to.includes(address))!;
    expect(mail.raw).toContain(link);
    expect(mail.raw).toContain("Northside");
    expect(mail.raw).not.toContain("Whitfield");
    await context.close();
  });

  test("Convert to patient emails an intake link (local SMTP); on the phone a same-day red flag shows its message and the alert, and the NPRS arrives as a draft", async ({ browser }) => {
    test.setTimeout(150_000);
    const suffix = uniqueSuffix();
    const address = `intake-${suffix}@example.test`;
    const enquirer = `Farah Intake${suffix}`;
    const phone = await browser.newContext({ baseURL: app.url, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const mobile = await phone.newPage();
    await mobile.goto("/enquire/northside");
    await mobile.getByLabel("Your name").fill(enquirer);
    await mobile.getByLabel("Phone number").fill("07700 900556");
    await mobile.getByLabel(/^Email/).fill(address);
    await mobile.getByLabel("What is wrong?").fill("Back pain since a fall last month.");
    await mobile.getByRole("checkbox", { name: /I agree that the clinic may contact me/ }).check();
    await mobile.waitForTimeout(MIN_FILL_SECONDS * 1000 + 300);
    await mobile.getByRole("button", { name: "Send enquiry" }).click();
    await expect(mobile.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();

    const staff = await browser.newContext({ baseURL: app.url });
    await postSignIn(staff.request, "ava@northside.test");
    const page = await staff.newPage();
    await page.goto("/enquiries");
    await page.getByTestId("enquiry").filter({ has: page.getByRole("heading", { name: enquirer }) }).getByRole("link", { name: "Convert to patient" }).click();
    await expect(page.getByLabel("First name")).toHaveValue("Farah");
    await expect(page.getByRole("textbox", { name: /^Email/ })).toHaveValue(address);
    await expect(page.getByRole("checkbox", { name: "Email an intake link" })).toBeChecked();
    await page.getByLabel("Date of birth").fill("1990-01-30");
    await page.getByLabel("Sex").selectOption("female");
    await page.getByRole("button", { name: "Create patient" }).click();
    await expect(page.getByText(/Patient created, and the intake link queued by email/)).toBeVisible();
    const patientUrl = page.url();

    await expect.poll(() => received.filter((m) => m.to.includes(address) && m.raw.includes("Before your first visit")).length, { timeout: 30_000 }).toBe(1);
    const mail = received.find((m) => m.to.includes(address) && m.raw.includes("Before your first visit"))!;
    const link = mail.raw.match(/https?:\/\/[^\s]+\/p\/[A-Za-z0-9_-]{43}/)?.[0];
    expect(link).toBeTruthy();
    expect(mail.raw).not.toContain("fall last month");

    await mobile.goto(link!);
    await expect(mobile.getByRole("heading", { level: 1, name: "Hello Farah" })).toBeVisible();
    for (const q of INTAKE_RED_FLAGS) await mobile.getByRole("group", { name: q.question }).getByRole("radio", { name: q.code === "trauma" ? "Yes" : "No" }).check();
    await mobile.getByRole("button", { name: "Next" }).click();
    await expect(mobile.getByRole("alert").getByRole("heading", { name: RED_FLAG_MESSAGES["same-day"].title })).toBeVisible();
    await expectAccessible(mobile);
    // Pain now, least and worst; then no Oswestry sheet: every section skipped.
    for (const answer of ["5", "2", "7"]) {
      await mobile.getByRole("radio", { name: new RegExp(`^${answer}( |$)`) }).check();
      await mobile.getByRole("button", { name: "Next" }).click();
    }
    for (let i = 0; i < 10; i++) {
      await mobile.getByRole("radio", { name: "Skip this question" }).check();
      await mobile.getByRole("button", { name: i === 9 ? "Send to my clinic" : "Next" }).click();
    }
    await expect(mobile.getByRole("heading", { level: 1, name: "Already sent, thank you" })).toBeVisible();
    await phone.close();

    await page.goto(patientUrl);
    await expect(page.getByTestId("patient-intake").getByText("Red flag: same day")).toBeVisible();
    await expect(page.getByTestId("patient-intake").getByText(/Started after trauma/)).toBeVisible();
    await expect(page.getByTestId("patient-reported-draft").getByText("5 / 10", { exact: false })).toBeVisible();
    await page.goto("/alerts");
    await expect(page.getByTestId("alert").filter({ hasText: "Farah" }).getByText("Red flag in intake: urgent")).toBeVisible();
    await staff.close();
  });

  test("on the phone, the patient opts in to a daily reminder (bad input refused by the field), then stops it", async ({ browser }) => {
    test.setTimeout(60_000);
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const mobile = await phone.newPage();
    await mobile.goto(link);
    await expect(mobile.getByRole("heading", { name: "Daily reminder" })).toBeVisible();
    await expectAccessible(mobile);

    await mobile.getByLabel("Your email address").fill("not-an-address");
    await mobile.getByLabel("Time of day").fill("07:30");
    const [refused] = await Promise.all([mobile.waitForResponse((r) => r.request().method() === "POST"), mobile.getByRole("button", { name: "Send me a daily reminder" }).click()]);
    expect(refused.status()).toBe(400);
    await expect(mobile.getByText("Enter an email address like name@example.com")).toBeVisible();
    await expect(mobile.getByLabel("Your email address")).toHaveValue("not-an-address");

    await mobile.getByLabel("Your email address").fill("gareth.phone@example.com");
    await mobile.getByRole("button", { name: "Send me a daily reminder" }).click();
    await expect(mobile.getByText("Daily reminder set. Each email has a link to stop it.")).toBeVisible();
    await expect(mobile.getByText(/You get an email every day at 07:30/)).toBeVisible();
    await mobile.reload();
    await expect(mobile.getByText(/You get an email every day at 07:30/)).toBeVisible();

    await mobile.getByRole("button", { name: "Stop daily reminders" }).click();
    await expect(mobile.getByText("Daily reminders stopped.")).toBeVisible();
    await expect(mobile.getByRole("button", { name: "Send me a daily reminder" })).toBeVisible();
    expect(await mobile.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await phone.close();
  });
});
