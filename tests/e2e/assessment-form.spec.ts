import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessible, storageFor, uniqueSuffix } from "./helpers";

/**
 * The assessment form keeping up with the clinician: suggestions while
 * typing, norms that follow the method, a focused error summary, a follow-up
 * that lists what was measured before and carries the confirmed pattern, and
 * save confirmations announced in a live region.
 */

const ODI_SECTIONS = ["Pain intensity", "Personal care", "Lifting", "Walking", "Sitting", "Standing", "Sleeping", "Sex life", "Social life", "Travelling"];

/** Inputs a practitioner can fill on the form as shown (hidden inputs and buttons aside). */
async function countFields(form: Locator): Promise<number> {
  return form.locator('input:not([type="hidden"]):visible, select:visible, textarea:visible').count();
}

/** Keyboard stops from the first field to the end of the form: the cost of reaching "Sign". */
async function countTabStops(form: Locator): Promise<number> {
  return form.evaluate((el) => {
    const radios = new Set<string>();
    let stops = 0;
    for (const node of el.querySelectorAll<HTMLElement>("input, select, textarea, button, a[href]")) {
      if ((node as HTMLInputElement).type === "hidden" || node.hasAttribute("disabled") || node.offsetParent === null) continue;
      // A radio group is one tab stop
      if ((node as HTMLInputElement).type === "radio") {
        const name = (node as HTMLInputElement).name;
        if (radios.has(name)) continue;
        radios.add(name);
      }
      stops++;
    }
    return stops;
  });
}

function daysAgo(n: number) {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}

async function expectToast(page: Page, text: string) {
  await expect(page.locator('[role="status"]').filter({ has: page.locator('[data-slot="toast"]') })).toContainText(text);
}

test.describe("assessment form", () => {
  test.use({ storageState: storageFor("ava@northside.test") });

  test("suggests as findings are typed, carries the confirmed pattern to a follow-up that lists only the earlier tests", async ({ page }) => {
    test.setTimeout(150_000);
    const last = `Follow${uniqueSuffix()}`;
    await page.goto("/patients/new");
    await page.getByLabel("First name").fill("Alex");
    await page.getByLabel("Last name").fill(last);
    await page.getByLabel("Date of birth").fill("1980-02-03");
    await page.getByLabel("Sex").selectOption("male");
    await page.getByRole("button", { name: "Create patient" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Alex ${last}` })).toBeVisible();
    await expectToast(page, "Patient created.");
    const patientUrl = page.url();

    // First assessment: the full form.
    await page.getByRole("link", { name: "New assessment" }).click();
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Sign", exact: true }) });
    await expect(page.getByRole("group", { name: /Oswestry Disability Index/ })).toBeVisible();
    const first = { fields: await countFields(form), tabStops: await countTabStops(form) };

    // Refused: focus lands on the error summary, whose links lead to each field.
    await page.getByRole("button", { name: "Sign", exact: true }).click();
    const summary = page.locator("[data-error-summary]");
    await expect(summary).toBeFocused();
    await summary.getByRole("link", { name: "Describe the chief complaint before signing" }).click();
    await expect(page.getByLabel("Chief complaint")).toBeFocused();
    await expectAccessible(page);

    // Suggestions follow the findings before anything is saved.
    const hipGlute = page.getByRole("radiogroup", { name: "Decision: Hip flexors / glutes" });
    const patterns = page.locator("#patterns");
    await expect(patterns.getByText("Suggested by the findings")).toHaveCount(0);
    await page.getByLabel("Date of assessment").fill(daysAgo(21));
    await page.getByLabel("Chief complaint").fill("Low back pain when standing");
    await page.getByLabel("Pain now").fill("6");
    const odi = page.getByRole("group", { name: /Oswestry Disability Index/ });
    for (const section of ODI_SECTIONS) await odi.getByLabel(section, { exact: true }).fill("2");
    await page.getByRole("group", { name: /Modified Thomas test: hip angle/ }).getByLabel("Left").fill("12");
    await expect(patterns.getByText("Suggested by the findings")).toHaveCount(0); // tight hip flexors alone are not the pattern
    await page.getByRole("group", { name: /Manual muscle test: gluteus medius/ }).getByLabel("Left").fill("4-");
    await expect(patterns.getByText("Suggested by the findings")).toHaveCount(1);
    await expect(patterns.getByText(/Modified Thomas test: hip angle \(left\) 12 deg/)).toBeVisible();
    await expect(page.getByTestId("pattern-count")).toHaveText(/suggest 1 pattern: Hip flexors \/ glutes/);

    // The norm shown follows the method chosen.
    const lordosis = page.getByRole("group", { name: /Lumbar lordosis/ });
    await expect(lordosis.getByText("Adults, Cobb L1-S1: 54-62 deg", { exact: false })).toBeVisible();
    await lordosis.getByLabel("Method").selectOption("inclinometer");
    await expect(lordosis.getByText("Adults, Cobb L1-S1", { exact: false })).toHaveCount(0);
    await expect(lordosis.getByText("No sourced norm for the inclinometer")).toBeVisible();

    await hipGlute.getByLabel("Confirm").check();
    await page.getByRole("button", { name: "Sign", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Assessment of / })).toBeVisible();
    await expectToast(page, "Assessment signed.");

    // Follow-up: only the earlier tests and questionnaires, the pattern carried as "keep".
    await page.goto(patientUrl);
    await page.getByRole("link", { name: "New assessment" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^New assessment/ })).toBeVisible();
    await expect(page.getByRole("group", { name: /Modified Thomas test: hip angle/ })).toBeVisible();
    await expect(page.getByRole("group", { name: /Lumbar lordosis/ })).toHaveCount(0);
    await expect(page.getByRole("group", { name: /\(RMDQ\)/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Show the other \d+ tests/ })).toBeVisible();
    await expect(hipGlute.getByLabel("Keep")).toBeChecked();
    await expect(page.locator("#patterns").getByText("Confirmed last time: keep or dismiss")).toBeVisible();
    const followUp = { fields: await countFields(form), tabStops: await countTabStops(form) };
    console.log(`assessment form: first ${first.fields} fields, ${first.tabStops} tab stops; follow-up ${followUp.fields} fields, ${followUp.tabStops} tab stops`);
    expect(followUp.fields).toBeLessThanOrEqual(first.fields / 2);
    await expectAccessible(page);

    await page.getByLabel("Chief complaint").fill("Review");
    await page.getByLabel("Pain now").fill("3");
    for (const section of ODI_SECTIONS) await odi.getByLabel(section, { exact: true }).fill("1");
    await page.getByRole("group", { name: /Modified Thomas test: hip angle/ }).getByLabel("Left").fill("8");
    await page.getByRole("group", { name: /Manual muscle test: gluteus medius/ }).getByLabel("Left").fill("4");
    await expect(page.locator("#patterns").getByText("Suggested by the findings")).toHaveCount(1);
    // Signing needs no new decision: the kept pattern is already decided.
    await page.getByRole("button", { name: "Sign", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Assessment of / })).toBeVisible();
    await expect(page.getByText("Confirmed", { exact: true }).first()).toBeVisible();

    // The rest of the catalogue is one click away.
    await page.goto(patientUrl);
    await page.getByRole("link", { name: "New assessment" }).click();
    await page.getByRole("button", { name: /Show the other \d+ tests/ }).click();
    await expect(page.getByRole("group", { name: /Lumbar lordosis/ })).toBeVisible();
  });
});
