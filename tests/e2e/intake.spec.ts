import type { Page } from "@playwright/test";
import { formatScore } from "@/components/assessments/format-score";
import { scoreOdi } from "@/lib/clinical/instruments";
import { ODI_SECTIONS } from "@/lib/clinical/instruments/descriptors";
import { INTAKE_RED_FLAGS, RED_FLAG_MESSAGES } from "@/lib/clinical/intake-red-flags";
import { expect, test } from "./fixtures";
import { expectAccessible, storageFor, uniqueSuffix } from "./helpers";

/**
 * Issue 13 intake, email off (the email-on conversion is in mail.spec.ts):
 * staff make an intake link on the patient page, the patient answers it on a
 * phone (390 x 844, no session): the red-flag questions, then NPRS and ODI one
 * per screen; the answers arrive as one patient-reported draft scored as the
 * clinic form scores them, and a red flag raises an urgent alert first in
 * the list.
 */
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

const NPRS = [6, 3, 8];
// One ODI section skipped: scored over the 9 answered.
const ODI: (number | "skip")[] = [3, 2, 4, 2, "skip", 3, 2, 1, 2, 2];
const odi = scoreOdi({ instrument: "odi", version: "2.1a", sections: Object.fromEntries(ODI_SECTIONS.map((s, i) => [s.id, ODI[i] === "skip" ? null : (ODI[i] as number)])) });
if (!odi.ok) throw new Error(odi.reason);
const ODI_SCORE = formatScore({ instrument: "odi", score: odi.score, unit: odi.unit, scaleMax: odi.scaleMax });

async function newPatient(page: Page, first: string): Promise<{ url: string; name: string }> {
  const last = `Intake${uniqueSuffix()}`;
  await page.goto("/patients/new");
  await page.getByLabel("First name").fill(first);
  await page.getByLabel("Last name").fill(last);
  await page.getByLabel("Date of birth").fill("1986-09-21");
  await page.getByLabel("Sex").selectOption("female");
  await page.getByRole("button", { name: "Create patient" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${first} ${last}` })).toBeVisible();
  return { url: page.url(), name: `${first} ${last}` };
}

async function makeIntakeLink(page: Page): Promise<string> {
  const card = page.getByRole("region", { name: "Questionnaires by link" });
  await expect(card.getByText("Email is off on this server: copy the link or let the patient scan the QR code.")).toBeVisible();
  await card.getByRole("button", { name: "Make an intake link" }).click();
  const field = card.getByLabel(/The patient's link/);
  await expect(field).toBeVisible();
  const url = await field.inputValue();
  expect(url).toMatch(/\/p\/[A-Za-z0-9_-]{43}$/);
  return url;
}

/** The red-flag screen: every question "No" except the ones given. */
async function answerRedFlags(page: Page, yes: string[] = []) {
  await expect(page.getByText("Before your first visit: safety questions")).toBeVisible();
  for (const [i, q] of INTAKE_RED_FLAGS.entries()) {
    const group = page.getByRole("group", { name: `${i + 1}. ${q.question}` });
    await group.getByRole("radio", { name: yes.includes(q.code) ? "Yes" : "No" }).check();
  }
  await expectAccessible(page);
  await page.getByRole("button", { name: "Next" }).click();
}

test.describe("intake by link, email off", () => {
  test.use({ storageState: storageFor("ava@northside.test") });

  test("no red flag: the patient answers NPRS and ODI on a phone; one intake draft, accepted into one assessment with the clinic form's scores", async ({ page, browser }) => {
    test.setTimeout(150_000);
    const { url: patientUrl } = await newPatient(page, "Noor");
    const url = await makeIntakeLink(page);
    await expectAccessible(page);

    const phone = await browser.newContext(PHONE);
    const mobile = await phone.newPage();
    const res = await mobile.goto(url);
    expect(res?.status()).toBe(200);
    expect(res?.headers()["referrer-policy"]).toBe("no-referrer");
    await expect(mobile.getByRole("heading", { level: 1, name: "Hello Noor" })).toBeVisible();
    await answerRedFlags(mobile);
    const total = NPRS.length + ODI.length;
    const answers = [...NPRS, ...ODI];
    for (let i = 0; i < total; i++) {
      await expect(mobile.getByText(`Before your first visit: question ${i + 1} of ${total}`)).toBeVisible();
      await expect(mobile.getByRole("group")).toHaveCount(1);
      const answer = answers[i]!;
      await mobile.getByRole("radio", { name: answer === "skip" ? "Skip this question" : new RegExp(`^${answer}( |$)`) }).check();
      if (i === NPRS.length) await expect(mobile.getByText(/No sheet\? Skip all ten/)).toBeVisible();
      await mobile.getByRole("button", { name: i === total - 1 ? "Send to my clinic" : "Next" }).click();
    }
    await expect(mobile.getByRole("heading", { level: 1, name: "Already sent, thank you" })).toBeVisible();
    await expectAccessible(mobile);
    expect(await mobile.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await phone.close();

    await page.goto(patientUrl);
    const intake = page.getByTestId("patient-intake");
    await expect(intake.getByText(/^Answered /)).toBeVisible();
    await expect(intake.getByText("No red flags")).toBeVisible();
    const draft = page.getByTestId("patient-reported-draft");
    await expect(draft).toHaveCount(1);
    await expect(draft.getByText(/^Intake, /)).toBeVisible();
    await expect(draft.getByText(ODI_SCORE, { exact: false })).toBeVisible();
    await expectAccessible(page);

    await draft.getByRole("link", { name: /^Accept into new assessment: Intake \(NPRS and ODI\)/ }).click();
    await expect(page.getByTestId("from-patient-report")).toContainText(/Numeric Pain Rating Scale prefilled .*; Oswestry Disability Index prefilled/);
    await expect(page.getByLabel("Pain now")).toHaveValue("6");
    const odiGroup = page.getByRole("group", { name: /Oswestry Disability Index/ });
    await expect(odiGroup.getByLabel("Lifting", { exact: true })).toHaveValue("4");
    await expect(odiGroup.getByLabel("Sitting", { exact: true })).toHaveValue("");
    await page.getByLabel("Chief complaint").fill("Low back pain, intake from home");
    await page.getByRole("button", { name: "Sign", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Assessment of / })).toBeVisible();
    await expect(page.getByText(ODI_SCORE).first()).toBeVisible();
    await page.goto(patientUrl);
    await expect(page.getByTestId("patient-reported-draft")).toHaveCount(0);
  });

  test("a red flag shows the patient the urgent message and raises an urgent alert, listed first", async ({ page, browser }) => {
    test.setTimeout(90_000);
    const { url: patientUrl, name } = await newPatient(page, "Ines");
    const url = await makeIntakeLink(page);
    const phone = await browser.newContext(PHONE);
    const mobile = await phone.newPage();
    await mobile.goto(url);
    await answerRedFlags(mobile, ["ces-bladder-bowel"]);
    await expect(mobile.getByRole("alert").getByRole("heading", { name: RED_FLAG_MESSAGES.emergency.title })).toBeVisible();
    await expect(mobile.getByText(/Go to an emergency department now/)).toBeVisible();
    await expect(mobile.getByRole("radio")).toHaveCount(0);
    await expectAccessible(mobile);
    await mobile.emulateMedia({ colorScheme: "dark" });
    await expectAccessible(mobile);
    await mobile.reload();
    await expect(mobile.getByRole("heading", { name: RED_FLAG_MESSAGES.emergency.title })).toBeVisible();
    await phone.close();

    // The name comes from the form, not from the page's heading, which reads "Loading…" while the page streams.
    await page.goto(patientUrl);
    await expect(page.getByTestId("patient-intake").getByText("Red flag: emergency")).toBeVisible();
    await page.goto("/alerts");
    // Red flags come first, whatever was raised since.
    await expect(page.getByTestId("alert").first().getByText("Red flag in intake: urgent")).toBeVisible();
    const alert = page.getByTestId("alert").filter({ has: page.getByRole("heading", { name }) });
    await expect(alert.getByText("Red flag in intake: urgent")).toBeVisible();
    await expect(alert.getByText(/Answered yes: .*bladder/i)).toBeVisible();
    await expect(alert.getByText("The patient was told to seek emergency care now.", { exact: false })).toBeVisible();
    await expect(alert.getByRole("button", { name: /swap/i })).toHaveCount(0);
    await expectAccessible(page);
    await page.goto("/");
    await expect(page.getByTestId("alerts").getByText(name)).toBeVisible();
  });
});
