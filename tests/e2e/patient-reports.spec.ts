import type { Page } from "@playwright/test";
import { formatScore } from "@/components/assessments/format-score";
import { scoreOdi } from "@/lib/clinical/instruments";
import { ODI_SECTIONS } from "@/lib/clinical/instruments/descriptors";
import { expect, test } from "./fixtures";
import { expectAccessible, storageFor, uniqueSuffix } from "./helpers";

/**
 * Issue 12 item 3: staff send an ODI by link, the patient answers it on a
 * phone (390 x 844, no session) one question per screen, and the staff
 * patient page shows the patient-reported draft with the score the clinic
 * form gives; accepted into a new assessment and signed, the clinic form
 * scores the same answers the same.
 */
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

// One section skipped: the ODI is scored over the 9 answered (21 / 45).
const ANSWERS: (number | "skip")[] = [3, 2, 4, 2, "skip", 3, 2, 1, 2, 2];
const expected = scoreOdi({
  instrument: "odi",
  version: "2.1a",
  sections: Object.fromEntries(ODI_SECTIONS.map((s, i) => [s.id, ANSWERS[i] === "skip" ? null : (ANSWERS[i] as number)])),
});
if (!expected.ok) throw new Error(expected.reason);
const SCORE = formatScore({ instrument: "odi", score: expected.score, unit: expected.unit, scaleMax: expected.scaleMax });

async function answerOnPhone(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(page.getByRole("heading", { level: 1, name: "Hello Robin" })).toBeVisible();
  for (let i = 0; i < ANSWERS.length; i++) {
    await expect(page.getByText(`question ${i + 1} of 10`)).toBeVisible();
    const group = page.getByRole("group", { name: new RegExp(`^${ODI_SECTIONS[i]!.label} \\(section ${i + 1} of 10\\)`) });
    // One question per screen: exactly one group of choices.
    await expect(page.getByRole("group")).toHaveCount(1);
    if (i === 0) {
      // Next with nothing chosen stays on the question and says why.
      await page.getByRole("button", { name: "Next" }).click();
      await expect(page.getByText(/Choose one answer/)).toBeVisible();
      await expectAccessible(page);
    }
    const answer = ANSWERS[i]!;
    await group.getByRole("radio", { name: answer === "skip" ? "Skip this question" : new RegExp(`^${answer}( |$)`) }).check();
    if (i === 1) {
      // Back keeps what was answered.
      await page.getByRole("button", { name: "Back" }).click();
      await expect(page.getByRole("radio", { name: /^3( |$)/ })).toBeChecked();
      await page.getByRole("button", { name: "Next" }).click();
      await page.getByRole("radio", { name: /^2( |$)/ }).check();
    }
    await page.getByRole("button", { name: i === ANSWERS.length - 1 ? "Send to my clinic" : "Next" }).click();
  }
  await expect(page.getByRole("heading", { level: 1, name: "Already sent, thank you" })).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
}

test.describe("patient-reported measures by link", () => {
  test.use({ storageState: storageFor("ava@northside.test") });

  test("staff send an ODI; the patient answers it on a phone one question per screen; the draft shows and is accepted with the same score", async ({ page, browser }) => {
    test.setTimeout(150_000);
    const last = `Reported${uniqueSuffix()}`;
    await page.goto("/patients/new");
    await page.getByLabel("First name").fill("Robin");
    await page.getByLabel("Last name").fill(last);
    await page.getByLabel("Date of birth").fill("1981-06-02");
    await page.getByLabel("Sex").selectOption("female");
    await page.getByRole("button", { name: "Create patient" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Robin ${last}` })).toBeVisible();
    const patientUrl = page.url();

    const card = page.getByRole("region", { name: "Questionnaires by link" });
    // No baseline PSFS yet: PSFS is not offered, and the card says why.
    await expect(card.getByRole("option", { name: /PSFS/ })).toHaveCount(0);
    await expect(card.getByText(/PSFS is not offered/)).toBeVisible();
    await card.getByLabel("Questionnaire").selectOption("odi");
    await card.getByRole("button", { name: "Make link" }).click();
    const field = card.getByLabel(/The patient's link/);
    await expect(field).toBeVisible();
    await expect(card.getByRole("img", { name: "QR code of the patient's link" })).toBeVisible();
    const url = await field.inputValue();
    expect(url).toMatch(/\/p\/[A-Za-z0-9_-]{43}$/);
    await expectAccessible(page);

    const phone = await browser.newContext(PHONE);
    const mobile = await phone.newPage();
    await answerOnPhone(mobile, url);
    // Single use: opening it again says so, plainly.
    const again = await mobile.goto(url);
    expect(again?.status()).toBe(200);
    await expect(mobile.getByRole("heading", { level: 1, name: "Already sent, thank you" })).toBeVisible();
    await phone.close();

    await page.goto(patientUrl);
    const draft = page.getByTestId("patient-reported-draft");
    await expect(draft).toHaveCount(1);
    await expect(draft.getByText(/^Patient-reported, /)).toBeVisible();
    await expect(draft.getByText(SCORE, { exact: false })).toBeVisible();
    await expectAccessible(page);

    await draft.getByRole("link", { name: /^Accept into new assessment: Patient-reported ODI/ }).click();
    await expect(page.getByTestId("from-patient-report")).toContainText(/Oswestry Disability Index prefilled with the patient's answers, reported /);
    const odi = page.getByRole("group", { name: /Oswestry Disability Index/ });
    await expect(odi.getByLabel("Lifting", { exact: true })).toHaveValue("4");
    await expect(odi.getByLabel("Sitting", { exact: true })).toHaveValue("");
    await page.getByLabel("Chief complaint").fill("Low back pain, questionnaire from home");
    await page.getByLabel("Pain now").fill("5");
    await page.getByRole("button", { name: "Sign", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Assessment of / })).toBeVisible();
    // The clinic form's own scoring of the same answers.
    await expect(page.getByText(SCORE).first()).toBeVisible();

    await page.goto(patientUrl);
    await expect(page.getByTestId("patient-reported-draft")).toHaveCount(0);
    await expect(card.getByText("Accepted")).toBeVisible();
  });

  test("a patient with an active programme can have questionnaires scheduled; a bad week count is refused at its field", async ({ page }) => {
    await page.goto("/patients?q=okafor");
    await page.getByRole("link", { name: "Okafor, Maya" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Maya Okafor" })).toBeVisible();
    const card = page.getByRole("region", { name: "Questionnaires by link" });
    await card.getByLabel("When").selectOption("every_weeks");
    await card.getByLabel("Weeks (for every N weeks)").fill("60");
    await card.getByRole("button", { name: "Add schedule" }).click();
    await expect(card.locator("#schedule-everyWeeks-error")).toHaveText("Weeks is a whole number from 1 to 52");
    await expect(card.getByTestId("questionnaire-schedule")).toHaveCount(0);
    await expectAccessible(page);

    // Every week, from the programme version's start (a seeded date): due now unless it began this week; sent with one click, then stopped.
    await card.getByLabel("Weeks (for every N weeks)").fill("1");
    await card.getByRole("button", { name: "Add schedule" }).click();
    const row = card.getByTestId("questionnaire-schedule");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(/every 1 week, (due since|next on) /);
    if (await row.getByText("Due", { exact: true }).isVisible()) {
      await card.getByRole("button", { name: "Send now: NPRS" }).click();
      // The link stays shown although the schedule is no longer due.
      await expect(card.getByLabel(/The patient's link/)).toHaveValue(/\/p\/[A-Za-z0-9_-]{43}$/);
      await expect(row).toContainText("next on");
    }
    await expectAccessible(page);
    await card.getByRole("button", { name: /^Stop schedule: / }).click();
    await expect(card.getByTestId("questionnaire-schedule")).toHaveCount(0);
  });
});
