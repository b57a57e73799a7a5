import { expect, test, type Page } from "./fixtures";
import { expectAccessible, openPalette, storageFor } from "./helpers";

/** Opens the command palette with the keyboard and picks the first patient matching `term`. */
async function findWithPalette(page: Page, term: string) {
  const dialog = await openPalette(page);
  await dialog.getByRole("combobox").fill(term);
  return dialog;
}

test.describe("dashboard: caseload", () => {
  test.use({ storageState: storageFor("ava@northside.test") });

  test("lists the demo patient who is not improving, linking to the patient", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Hello, Ava" })).toBeVisible();
    const card = page.getByRole("region", { name: /Not improving/ });
    const gareth = card.getByRole("link", { name: "Gareth Whitfield", exact: true });
    await expect(gareth).toBeVisible();
    // Another clinic's persona with the same story never appears.
    await expect(page.getByText("Kwame Adeyemi")).toHaveCount(0);
    // Declan Murphy's cauda equina red flag is in sight beside his name, in words
    const declan = card.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Declan Murphy", exact: true }) });
    await expect(declan.getByTestId("safety-marker")).toHaveText(/Red flag: Saddle numbness/);
    await expect(card.getByRole("listitem").filter({ has: gareth }).getByTestId("safety-marker")).toHaveCount(0);
    for (const name of ["Today's sessions", "This week", "Reassessments due", "Low adherence last week", "Your unsigned drafts", "Outcomes of your patients"]) {
      await expect(page.getByRole("heading", { level: 2, name: new RegExp(name) })).toBeVisible();
    }
    await expectAccessible(page);
    // A row's link is a plain <a> (components/ui/list-link.tsx), not a Link component, yet once the
    // shell has hydrated (the palette opens) a click navigates inside the app: no page reload.
    await openPalette(page);
    await page.keyboard.press("Escape");
    await page.evaluate(() => Object.assign(window, { stayedInApp: true }));
    await gareth.click();
    await expect(page.getByRole("heading", { level: 1, name: "Gareth Whitfield" })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { stayedInApp?: boolean }).stayedInApp)).toBe(true);
  });

  test("keeps a practitioner on their own caseload", async ({ page }) => {
    await page.goto("/?view=clinic");
    await expect(page.getByText(/Your caseload at/)).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Whose patients" })).toHaveCount(0);
  });

  test("the command palette finds a patient from anywhere with Ctrl/Cmd-K", async ({ page }) => {
    await page.goto("/patients");
    const dialog = await findWithPalette(page, "whitf");
    const option = dialog.getByRole("option", { name: /Gareth Whitfield/ });
    await expect(option).toBeVisible();
    await expectAccessible(page);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: "Gareth Whitfield" })).toBeVisible();
  });

  test("the palette and the patient list show a red flag beside the name", async ({ page }) => {
    await page.goto("/patients?q=murphy");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Murphy, Declan" }) });
    await expect(row.getByTestId("safety-marker")).toHaveText(/Red flag/);
    const dialog = await findWithPalette(page, "declan");
    await expect(dialog.getByRole("option", { name: /Declan Murphy.*Red flag.*Saddle numbness/ })).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe("dashboard: clinic view and scope", () => {
  test("an admin switches to the whole clinic", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageFor("admin@northside.test") });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("navigation", { name: "Whose patients" }).getByRole("link", { name: "Whole clinic" }).click();
    await expect(page).toHaveURL(/view=clinic/);
    await expect(page.getByRole("heading", { level: 2, name: /Clinic outcomes/ })).toBeVisible();
    await expect(page.getByRole("region", { name: /Not improving/ }).getByRole("link", { name: "Gareth Whitfield", exact: true })).toBeVisible();
    await expect(page.getByText("Kwame Adeyemi")).toHaveCount(0);
    await expectAccessible(page);
    await context.close();
  });

  test("the palette never finds another clinic's patient", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageFor("cara@harbour.test") });
    const page = await context.newPage();
    await page.goto("/");
    const dialog = await findWithPalette(page, "whitf");
    await expect(dialog.getByText(/No patient matches/)).toBeVisible();
    await dialog.getByRole("combobox").fill("adey");
    await expect(dialog.getByRole("option", { name: /Kwame Adeyemi/ })).toBeVisible();
    await context.close();
  });
});
