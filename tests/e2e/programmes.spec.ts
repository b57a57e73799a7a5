import { expect, test, type Page } from "./fixtures";
import { expectAccessible, storageFor, uniqueSuffix } from "./helpers";

async function openPatient(page: Page, query: string, link: string, heading: string) {
  await page.goto(`/patients?q=${encodeURIComponent(query)}`);
  await page.getByRole("link", { name: link }).click();
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
}

/** The size of the named @page the printed sheet uses (print.css), e.g. "size: A4 portrait". */
function pageSize(page: Page) {
  return page.evaluate(() => {
    const sheet = document.querySelector(".print-sheet");
    const name = sheet ? getComputedStyle(sheet).getPropertyValue("page") : "";
    for (const styleSheet of [...document.styleSheets]) {
      for (const rule of [...styleSheet.cssRules]) {
        if (rule instanceof CSSPageRule && rule.selectorText === name) return `size: ${rule.style.getPropertyValue("size")}`;
      }
    }
    return "";
  });
}

test.describe("programmes", () => {
  test.use({ storageState: storageFor("ava@northside.test") });

  test("suggests a programme from Maya's confirmed pattern, edits a dose after a refusal, saves, prints and records adherence", async ({ page }) => {
    test.setTimeout(120_000);
    await openPatient(page, "okafor", "Okafor, Maya", "Maya Okafor");
    const section = page.getByRole("region", { name: "Home programme" });
    await expect(section.getByText("Confirmed patterns: Hip flexors / glutes.")).toBeVisible();
    await expectAccessible(page);

    await section.getByRole("link", { name: "Suggest programme" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Maya Okafor's programme|programme for Maya Okafor/ })).toBeVisible();
    await expect(page.getByText("Suggested from confirmed patterns")).toBeVisible();
    const items = page.getByTestId("programme-item");
    await expect(items).toHaveCount(4);
    await expect(items.first().getByRole("heading", { name: /Glute bridge/ })).toBeVisible();
    await expectAccessible(page);

    // Reorder with the keyboard-reachable buttons: the squat moves below the posture advice.
    await page.getByRole("button", { name: "Move Bodyweight squat down" }).click();
    await expect(items.nth(2).getByRole("heading")).toContainText("Bodyweight squat");

    // Zero sets is refused at that item; the list and the other edits stay as typed.
    await page.getByLabel("Sets for Glute bridge").fill("0");
    await page.getByLabel("Reps for Glute bridge").fill("12");
    await page.getByRole("button", { name: /^Save/ }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Some fields need attention" })).toBeVisible();
    await expect(items.first().getByText("Sets must be at least 1")).toBeVisible();
    await expect(page.getByLabel("Reps for Glute bridge")).toHaveValue("12");
    await page.getByLabel("Sets for Glute bridge").fill("4");
    await page.getByLabel("Load for Glute bridge").selectOption("band");
    await page.getByLabel("Band colour for Glute bridge").selectOption("green");
    await page.getByLabel("Goals").fill("Carry the shopping upstairs without back pain");
    await page.getByRole("button", { name: /^Save/ }).click();

    const heading = page.getByRole("heading", { level: 1, name: /Home programme, version \d+/ });
    await expect(heading).toBeVisible();
    await expect(heading.getByText("Active", { exact: true })).toBeVisible();
    // Maya's live demo link moved to the new version with it: her phone keeps working.
    await expect(page.getByRole("list", { name: "Links made for this programme" }).getByText("Active", { exact: true })).toBeVisible();
    await expect(page.getByText("4 x 12, once a day, 3 days a week · green band")).toBeVisible();
    const programmeUrl = page.url();
    await expectAccessible(page);

    // The printable page: no app chrome, the clinic, patient, practitioner, each exercise with dose and instructions, a tick grid.
    await page.getByRole("link", { name: "Print programme" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Home exercise programme" })).toBeVisible();
    await expect(page.getByRole("button", { name: /account menu/i })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Dashboard" })).toHaveCount(0);
    const sheet = page.getByRole("article");
    await expect(sheet.getByText("Northside Spine & Posture", { exact: true })).toBeVisible();
    await expect(sheet.getByText("Maya Okafor")).toBeVisible();
    await expect(sheet.getByText("Ava Lindgren")).toBeVisible();
    await expect(sheet.getByText("Carry the shopping upstairs without back pain")).toBeVisible();
    await expect(sheet.getByRole("heading", { name: "1. Glute bridge" })).toBeVisible();
    await expect(sheet.getByText("4 x 12, once a day, 3 days a week · green band")).toBeVisible();
    await expect(sheet.locator("li.print-item").first().locator("ol li").first()).not.toBeEmpty();
    const grid = sheet.getByRole("table", { name: /tick a box/ });
    for (const day of ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]) await expect(grid.getByRole("columnheader", { name: day })).toBeVisible();
    await expect(grid.getByRole("rowheader")).toHaveCount(4);
    await expect.poll(() => pageSize(page)).toMatch(/size: a4/i);
    await expectAccessible(page);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Print options" })).toBeHidden();
    await expect(sheet).toBeVisible();
    await page.emulateMedia({ media: "screen" });
    await page.getByRole("link", { name: "US Letter" }).click();
    await expect.poll(() => pageSize(page)).toMatch(/size: letter/i);

    // Adherence for this week: 1 of 4 sessions is 25 %, shown on the patient page as low.
    await page.goto(programmeUrl);
    const today = new Date().toISOString().slice(0, 10);
    const form = page.getByRole("form", { name: "Record adherence" });
    await form.getByLabel("Week starting").fill(today);
    await form.getByLabel("Sessions done").fill("1");
    await form.getByLabel("Sessions prescribed").fill("4");
    await form.getByLabel("Pain during exercise (0-10)").fill("3");
    await form.getByRole("button", { name: "Record adherence" }).click();
    await expect(page.getByText("Adherence recorded: 1 of 4 sessions (25 %).")).toBeVisible();
    await openPatient(page, "okafor", "Okafor, Maya", "Maya Okafor");
    await expect(page.getByTestId("weekly-adherence")).toContainText("25 %");
    await expect(page.getByTestId("weekly-adherence").getByText("Low")).toBeVisible();
  });

  test("warns when a programme grows past 10 exercises", async ({ page }) => {
    await openPatient(page, "okafor", "Okafor, Maya", "Maya Okafor");
    await page.getByRole("region", { name: "Home programme" }).getByRole("link", { name: "Suggest programme" }).click();
    const picker = page.getByLabel("Exercise to add");
    for (const name of ["Dead bug", "Bird dog", "Side plank", "Clamshell", "Wall sit", "Cat-camel", "Child's pose"]) {
      await picker.selectOption({ label: name });
      await page.getByRole("button", { name: "Add exercise" }).click();
    }
    await expect(page.getByTestId("programme-item")).toHaveCount(11);
    await expect(page.getByText(/This programme has 11 exercises/)).toBeVisible();
    await page.getByRole("button", { name: "Remove Child's pose" }).click();
    await expect(page.getByText(/This programme has/)).toHaveCount(0);
  });

  test("exercise library: filters, copies a built-in, edits and archives the copy", async ({ page }) => {
    const name = `Bridge ${uniqueSuffix()}`;
    await page.goto("/exercises");
    await expect(page.getByRole("heading", { level: 1, name: "Exercise library" })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Name").fill("hamstring");
    await page.getByLabel("Category").selectOption("stretch");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page.getByRole("link", { name: "Supine hamstring stretch with strap" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Glute bridge" })).toHaveCount(0);
    await page.goto("/exercises?muscle=gluteus-maximus&pattern=hip-flexor-glute");
    await page.getByRole("link", { name: "Glute bridge", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Glute bridge/ })).toBeVisible();
    await expect(page.getByText("Built-in exercises cannot be changed here")).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Copy and edit" }).click();
    await expect(page.getByLabel("Name")).toHaveValue("Glute bridge (our version)");
    await expectAccessible(page);
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Sets").fill("0");
    await page.getByRole("button", { name: "Save exercise" }).click();
    await expect(page.getByText("Sets must be at least 1")).toBeVisible();
    await expect(page.getByLabel("Name")).toHaveValue(name);
    await page.getByLabel("Sets").fill("2");
    await page.getByRole("button", { name: "Save exercise" }).click();
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(name) })).toBeVisible();
    await expect(page.getByText("Our clinic, copied from “Glute bridge”")).toBeVisible();

    await page.getByRole("link", { name: "Edit" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Edit ${name}` })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Reps").fill("15");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("2 x 15, once a day, 3 days a week")).toBeVisible();
    await page.getByRole("button", { name: "Archive" }).click();
    await expect(page.getByText("Archived", { exact: true })).toBeVisible();
    await page.goto(`/exercises?q=${encodeURIComponent(name)}`);
    await expect(page.getByText("No exercises match")).toBeVisible();
  });
});
