import { expect, test, type Page } from "./fixtures";
import { expectAccessible, formAlert, storageFor, uniqueSuffix } from "./helpers";

async function openPatient(page: Page, query: string, link: string, heading: string) {
  await page.goto(`/patients?q=${encodeURIComponent(query)}`);
  await page.getByRole("link", { name: link }).click();
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
}

test.describe("decompression as a practitioner", () => {
  test.use({ storageState: storageFor("ava@northside.test") });

  test("Priya's pregnancy blocks a course, and the page offers no way round it", async ({ page }) => {
    await openPatient(page, "chatterjee", "Chatterjee, Priya", "Priya Chatterjee");
    const section = page.getByRole("region", { name: "Spinal decompression" });
    await expect(section.getByText("Lumbar screening blocked: Pregnancy.")).toBeVisible();
    await expect(section.getByText("No decompression courses")).toBeVisible();
    await section.getByRole("link", { name: "New course" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New decompression course for Priya Chatterjee" })).toBeVisible();
    await expect(page.getByTestId("screening-lumbar")).toContainText("Decompression (lumbar) is contraindicated: Pregnancy");
    await expect(page.getByTestId("course-blocked")).toContainText("Only an admin can override it");
    await expect(page.getByRole("button", { name: "Create course" })).toHaveCount(0);
    await expectAccessible(page);
  });

  test("creates a course, refuses a bad session, logs one with a force warning after a confirm, and schedules the next", async ({ page }) => {
    test.setTimeout(120_000);
    const last = `Traction${uniqueSuffix()}`;
    await page.goto("/patients/new");
    await page.getByLabel("First name").fill("Jordan");
    await page.getByLabel("Last name").fill(last);
    await page.getByLabel("Date of birth").fill("1975-09-14");
    await page.getByLabel("Sex").selectOption("male");
    await page.getByLabel("Weight (optional)").fill("70");
    const weighed = page.getByLabel(/Measured on/);
    if ((await weighed.inputValue()) === "") await weighed.fill(new Date().toISOString().slice(0, 10));
    await page.getByRole("button", { name: "Create patient" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Jordan ${last}` })).toBeVisible();

    await page.getByRole("region", { name: "Spinal decompression" }).getByRole("link", { name: "New course" }).click();
    await expect(page.getByText("Lumbar: screening clear")).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Target level").fill("L9");
    await page.getByRole("button", { name: "Create course" }).click();
    await expect(page.getByText("Enter a spinal level such as L4-L5 or C5-C6")).toBeVisible();
    await page.getByLabel("Target level").fill("l4-l5");
    await page.getByLabel("Maximum (pull) force").fill("22");
    await page.getByLabel("Minimum (rest) force").fill("11");
    await page.getByRole("button", { name: "Create course" }).click();

    await expect(page.getByRole("heading", { level: 1, name: /Lumbar L4-L5 decompression/ })).toBeVisible();
    await expect(page.getByText("0 of 12 planned sessions completed")).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Log a session" }).click();
    await expect(page.getByRole("spinbutton", { name: "Body weight", exact: true })).toHaveValue("70");
    await expect(page.getByLabel("Maximum (pull) force")).toHaveValue("22");
    await expectAccessible(page);
    await page.getByLabel("Duration (min)").fill("61");
    await page.getByLabel("Pain before (NPRS 0-10)").fill("6");
    await page.getByLabel("Pain after (NPRS 0-10)").fill("4");
    await page.getByLabel("Maximum (pull) force").fill("40");
    await page.getByRole("button", { name: "Log session" }).click();
    await expect(page.getByText("Session duration must be between 1 and 60 min")).toBeVisible();
    await expect(page.getByLabel("Maximum (pull) force")).toHaveValue("40");

    await page.getByLabel("Duration (min)").fill("20");
    await page.getByRole("button", { name: "Log session" }).click();
    const warning = page.getByTestId("confirm-warning");
    await expect(warning).toContainText("Maximum force is 57.1 % of body weight, above the 50 % lumbar threshold");
    await expect(formAlert(page).filter({ hasText: "Some fields" })).toHaveCount(0);
    await warning.getByRole("button", { name: "Confirm force and log session" }).click();

    await expect(page.getByRole("heading", { level: 1, name: /Lumbar L4-L5 decompression/ })).toBeVisible();
    await expect(page.getByText("1 of 12 planned sessions completed")).toBeVisible();
    await expect(page.getByRole("cell", { name: /40\.0 kg \(88\.2 lb\)\s*57 % of body weight/ })).toBeVisible();
    await expect(page.getByText("Above threshold: confirmed")).toBeVisible();
    await expect(page.getByRole("cell", { name: "6 / 4" })).toBeVisible();

    await page.getByRole("button", { name: "Schedule session" }).click();
    await expect(page.getByText("Session scheduled.")).toBeVisible();
    await expect(page.getByRole("link", { name: /^Log session of/ })).toHaveCount(1);
  });
});

test.describe("decompression as the admin", () => {
  test.use({ storageState: storageFor("admin@northside.test") });

  test("overrides Rosa's contraindication with a written reason that stays on the course; Declan's red flag cannot be overridden", async ({ page }) => {
    await openPatient(page, "murphy", "Murphy, Declan", "Declan Murphy");
    await page.getByRole("region", { name: "Spinal decompression" }).getByRole("link", { name: "New course" }).click();
    await expect(page.getByTestId("course-blocked")).toContainText("No one can override it");
    await expect(page.getByLabel("Override reason")).toHaveCount(0);

    await openPatient(page, "santos", "Santos, Rosa", "Rosa Santos");
    await page.getByRole("region", { name: "Spinal decompression" }).getByRole("link", { name: "New course" }).click();
    await expect(page.getByTestId("screening-lumbar")).toContainText("Advanced osteoporosis");
    await page.getByRole("button", { name: "Create course" }).click();
    await expect(page.locator("form").locator('[data-slot="alert"]')).toContainText("contraindicated: Advanced osteoporosis");
    const reason = "Rheumatologist's letter: bone density now osteopenic; very low force agreed with the patient";
    await page.getByLabel("Override reason").fill(reason);
    await page.getByRole("button", { name: "Create course" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /decompression/ })).toBeVisible();
    await expect(page.getByTestId("override-notice")).toContainText("Contraindication overridden: Advanced osteoporosis");
    await expect(page.getByTestId("override-notice")).toContainText(reason);
    await expect(page.getByTestId("override-notice")).toContainText("Nadia Okoro");
    await expectAccessible(page);
    await page.goto("/settings/audit?action=override");
    await expect(page.getByText(reason).first()).toBeVisible();
  });
});
