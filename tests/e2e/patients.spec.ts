import { expect, test } from "./fixtures";
import { expectAccessible, storageFor, uniqueSuffix } from "./helpers";

test.describe("patients: registry", () => {
  test.use({ storageState: storageFor("ava@northside.test") });

  test("creates a patient after a validation error, finds, archives and restores them", async ({ page }) => {
    const last = `Testperson${uniqueSuffix()}`;
    await page.goto("/patients");
    await expectAccessible(page);
    await page.getByRole("link", { name: "New patient" }).click();
    await page.getByLabel("First name").fill("Rowan");
    await page.getByLabel("Last name").fill(last);
    // No date of birth or sex yet: refused, with messages at the fields and the typed values kept.
    await page.getByRole("button", { name: "Create patient" }).click();
    await expect(page.getByText("Enter the date of birth as a date")).toBeVisible();
    await expect(page.getByText("Choose a sex")).toBeVisible();
    await expect(page.getByLabel("Last name")).toHaveValue(last);
    await expectAccessible(page);

    await page.getByLabel("Date of birth").fill("1971-06-30");
    await page.getByLabel("Sex").selectOption("female");
    await page.getByLabel("Weight (optional)").fill("72.5");
    await page.getByRole("button", { name: "Create patient" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Rowan ${last}` })).toBeVisible();
    await expect(page.getByText("72.5 kg")).toBeVisible();
    const patientUrl = page.url();

    await page.goto(`/patients?q=${encodeURIComponent(last.slice(0, 12).toLowerCase())}`);
    await expect(page.getByRole("link", { name: `${last}, Rowan` })).toBeVisible();

    await page.goto(patientUrl);
    await page.getByRole("button", { name: "Archive" }).click();
    await page.getByRole("button", { name: "Archive patient" }).click();
    await expect(page.getByText("Archived", { exact: true })).toBeVisible();
    await page.goto(`/patients?q=${last}`);
    await expect(page.getByText("No patients match")).toBeVisible();
    await page.goto(`/patients?q=${last}&status=archived`);
    await expect(page.getByRole("link", { name: `${last}, Rowan` })).toBeVisible();
  });

  test("another clinic's patient is not found", async ({ browser, page }) => {
    const harbour = await browser.newContext({ storageState: storageFor("cara@harbour.test") });
    const harbourPage = await harbour.newPage();
    await harbourPage.goto("/patients");
    const href = await harbourPage.getByRole("table").getByRole("link").first().getAttribute("href");
    await harbour.close();
    expect(href).toMatch(/^\/patients\/[0-9a-f-]{36}$/);

    // The proxy decides before the shell streams: a real 404 with the not-found page.
    const response = await page.goto(href!);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await page.goto(`${href}/edit`);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();

    // The attempt is in Northside's trail as refused: who, what kind, which id.
    const admin = await browser.newContext({ storageState: storageFor("admin@northside.test") });
    const audit = await admin.newPage();
    await audit.goto("/settings/audit?action=denied");
    const row = audit.getByRole("row").filter({ hasText: href!.split("/")[2]! }).first();
    await expect(row).toContainText("Ava");
    await expect(row).toContainText("Refused (another clinic's record)");
    await expect(row).toContainText("Patient record");
    await admin.close();
  });

  test("a practitioner cannot open the staff or audit pages", async ({ page }) => {
    for (const path of ["/settings/staff", "/settings/audit"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    }
  });
});
