import { expect, test, type Page } from "./fixtures";
import { expectAccessible, storageFor, uniqueSuffix } from "./helpers";

const ODI_SECTIONS = ["Pain intensity", "Personal care", "Lifting", "Walking", "Sitting", "Standing", "Sleeping", "Sex life", "Social life", "Travelling"];

async function fillOdi(page: Page, scores: number[]) {
  const odi = page.getByRole("group", { name: /Oswestry Disability Index/ });
  for (const [i, section] of ODI_SECTIONS.entries()) await odi.getByLabel(section, { exact: true }).fill(String(scores[i]));
}

function daysAgo(n: number) {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}

test.describe("assessments", () => {
  test.use({ storageState: storageFor("ava@northside.test") });

  test("records a baseline, refuses a bad value, signs a follow-up with a confirmed pattern, amends it, and the patient page shows the change", async ({ page, browser }) => {
    test.setTimeout(150_000);
    const last = `Assessed${uniqueSuffix()}`;
    await page.goto("/patients/new");
    await page.getByLabel("First name").fill("Robin");
    await page.getByLabel("Last name").fill(last);
    await page.getByLabel("Date of birth").fill("1979-04-12");
    await page.getByLabel("Sex").selectOption("female");
    await page.getByLabel("Weight (optional)").fill("70");
    await page.getByRole("button", { name: "Create patient" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Robin ${last}` })).toBeVisible();
    const patientUrl = page.url();
    await expect(page.getByText("No assessments yet")).toBeVisible();
    await expectAccessible(page);

    // Baseline, signed straight away.
    await page.getByRole("link", { name: "New assessment" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `New assessment: Robin ${last}` })).toBeVisible();
    await expect(page.getByRole("group", { name: /Neck Disability Index/ })).toHaveCount(0);
    await expectAccessible(page);
    await page.getByLabel("Date of assessment").fill(daysAgo(30));
    await page.getByLabel("Chief complaint").fill("Low back pain after moving house");
    await page.getByLabel("Pain now").fill("7");
    await fillOdi(page, [4, 3, 4, 3, 4, 3, 4, 3, 4, 3]);
    await page.getByRole("button", { name: "Sign", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Assessment of / })).toBeVisible();
    await expect(page.getByText("Signed", { exact: true })).toBeVisible();
    await expect(page.getByText("70 %").first()).toBeVisible();
    await expectAccessible(page);

    // Follow-up: NPRS 11 is refused at its field and nothing is saved.
    await page.goto(patientUrl);
    await page.getByRole("link", { name: "New assessment" }).click();
    await page.getByLabel("Chief complaint").fill("Review of low back pain");
    await page.getByLabel("Pain now").fill("11");
    await fillOdi(page, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    const thomas = page.getByRole("group", { name: /Modified Thomas test: hip angle/ });
    await expect(thomas.getByText(/Source: BMC Sports Sci Med Rehabil 2021/)).toBeVisible();
    await thomas.getByLabel("Left").fill("12");
    await page.getByRole("group", { name: /Manual muscle test: gluteus medius/ }).getByLabel("Left").fill("4-");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.locator("#f-nprs-current-error")).toHaveText("NPRS is a whole number from 0 to 10");
    await expect(page.getByLabel("Pain now")).toHaveValue("11");
    await expect(thomas.getByLabel("Left")).toHaveValue("12");
    await expect(page).toHaveURL(/\/assessments\/new$/);
    await expectAccessible(page);

    await page.getByLabel("Pain now").fill("2");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page).toHaveURL(/\/assessments\/[0-9a-f-]{36}\/edit(\?saved=\d+)?$/);
    await expect(page.getByRole("heading", { level: 1, name: /^Draft assessment/ })).toBeVisible();
    // The saved findings suggest the lower-crossed pattern, with the findings that triggered it.
    const decision = page.getByRole("radiogroup", { name: "Decision: Hip flexors / glutes" });
    await expect(page.getByText("Suggested by the findings")).toBeVisible();
    await expect(page.getByText(/Modified Thomas test: hip angle \(left\) 12 deg/)).toBeVisible();
    await expectAccessible(page);
    await decision.getByLabel("Confirm").check();
    await page.getByRole("button", { name: "Sign", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Assessment of / })).toBeVisible();
    await expect(page.getByText("Confirmed", { exact: true }).first()).toBeVisible();
    const assessmentUrl = page.url();

    // Amend with a reason: revision 2 with the new score, revision 1 still readable.
    await page.getByRole("link", { name: "Amend" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Amend the assessment/ })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("group", { name: /Oswestry Disability Index/ }).getByLabel("Lifting", { exact: true }).fill("3");
    await page.getByLabel("Reason for the amendment").fill("Lifting section misread from the paper form");
    await page.getByRole("button", { name: "Save amendment" }).click();
    // Same page; only the saved marker (the save's time) differs.
    await expect(page).toHaveURL((url) => url.pathname === new URL(assessmentUrl).pathname);
    await expect(page.getByText("Signed, amended (revision 2)")).toBeVisible();
    await expect(page.getByText("Lifting section misread from the paper form")).toBeVisible();
    await expect(page.getByText("24 %").first()).toBeVisible();
    await page.getByText("Show revision 1 as signed").click();
    await expect(page.getByText("20 %").first()).toBeVisible();

    // The patient page: latest scores, the meaningful-change verdict, the confirmed pattern, the timeline.
    await page.goto(patientUrl);
    const scores = page.getByRole("list", { name: "Outcome scores" });
    await expect(scores.getByText("24 %")).toBeVisible();
    await expect(scores.getByText("70 %")).toBeVisible();
    await expect(scores.getByText("Meaningful improvement").first()).toBeVisible();
    await expect(page.getByText("Tight hip flexors, weak glutes (anterior pelvic tilt, lower crossed)").first()).toBeVisible();
    await expect(page.getByText("Amended (revision 2)")).toBeVisible();
    await expectAccessible(page);

    // Another clinic cannot open it.
    const harbour = await browser.newContext({ storageState: storageFor("cara@harbour.test") });
    const harbourPage = await harbour.newPage();
    await harbourPage.goto(assessmentUrl);
    await expect(harbourPage.getByRole("heading", { name: "Not found" })).toBeVisible();
    await harbour.close();
  });

  test("records a safety flag and shows it as a badge on the patient page", async ({ page }) => {
    const last = `Flagged${uniqueSuffix()}`;
    await page.goto("/patients/new");
    await page.getByLabel("First name").fill("Sam");
    await page.getByLabel("Last name").fill(last);
    await page.getByLabel("Date of birth").fill("1965-09-01");
    await page.getByLabel("Sex").selectOption("male");
    await page.getByLabel("Weight (optional)").fill("82");
    await page.getByRole("button", { name: "Create patient" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Sam ${last}` })).toBeVisible();
    await page.getByRole("link", { name: "Record a flag" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Safety flags/ })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Record flag" }).click();
    await expect(page.getByText("Choose a red flag, contraindication or precaution from the list")).toBeVisible();
    await page.getByLabel("What was found").selectOption("claustrophobia");
    await page.getByLabel("Source (optional)").fill("Patient report");
    await page.getByRole("button", { name: "Record flag" }).click();
    await expect(page.getByRole("list", { name: "Active safety flags" }).getByText("Precaution: Claustrophobia")).toBeVisible();
    await page.getByRole("link", { name: `Sam ${last}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Sam ${last}` })).toBeVisible();
    await expect(page.getByRole("list", { name: "Active safety flags" }).getByText("Precaution: Claustrophobia")).toBeVisible();
  });

  test("Declan Murphy's page shows the urgent-referral banner", async ({ page }) => {
    await page.goto("/patients?q=murphy");
    await page.getByRole("link", { name: "Murphy, Declan" }).click();
    await expect(page.getByText("Urgent referral: possible cauda equina syndrome")).toBeVisible();
    await expect(page.getByText("Red flag: Saddle numbness")).toBeVisible();
    await expectAccessible(page);
  });

  test("a practitioner cannot open the clinical settings", async ({ page }) => {
    await page.goto("/settings/clinical");
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  });
});

test.describe("clinical settings", () => {
  test.use({ storageState: storageFor("admin@northside.test") });

  test("an admin sets a clinic rule with its source, then goes back to the default", async ({ page }) => {
    await page.goto("/settings");
    await page.getByRole("link", { name: /Clinical settings/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Clinical settings" })).toBeVisible();
    await expectAccessible(page);
    const psfs = page.getByRole("form", { name: "Meaningful-change rule for Patient-Specific Functional Scale" });
    await psfs.getByLabel("Points").fill("2.5");
    await psfs.getByRole("button", { name: "Save clinic rule" }).click();
    await expect(psfs.getByText("Say where the threshold comes from")).toBeVisible();
    await psfs.getByLabel(/Source of this threshold/).fill("Abbott 2014, medium change");
    await psfs.getByRole("button", { name: "Save clinic rule" }).click();
    await expect(page.getByRole("heading", { name: /Patient-Specific Functional Scale\s*Clinic rule/ })).toBeVisible();
    await expect(page.getByText("In force: 2.5 points.")).toBeVisible();
    await page.getByRole("form", { name: "Meaningful-change rule for Patient-Specific Functional Scale" }).getByRole("button", { name: "Back to the published default" }).click();
    await expect(page.getByRole("heading", { name: /Patient-Specific Functional Scale\s*Published default/ })).toBeVisible();
  });
});
