import { expect, test } from "./fixtures";
import { expectAccessible, storageFor, uniqueSuffix } from "./helpers";

const HEADERS = ["Patient ID", "First Name", "Last Name", "Date of Birth", "Sex", "Email", "Mobile", "Unapplied Account Credit"];

/** A small Cliniko-shaped export: two good rows and one without a last name (a formula in its first name). */
function clinikoFile(suffix: string): string {
  const lines = [
    HEADERS.join(","),
    `E2E-${suffix}-1,Imogen,Import${suffix},14/03/1975,Female,imogen@example.test,0412 345 678,0`,
    `E2E-${suffix}-2,Idris,Import${suffix},25/12/1968,Male,,,0`,
    `E2E-${suffix}-3,=SUM(1+1),,01/01/1980,F,,,0`,
  ];
  return `${lines.join("\r\n")}\r\n`;
}

test.describe("settings: import patients (admin)", () => {
  test.use({ storageState: storageFor("admin@harbour.test") });

  test("an admin uploads a Cliniko export, maps, sees the refusal, imports and downloads the skipped rows", async ({ page }) => {
    const suffix = uniqueSuffix().replace(/[^a-z0-9]/gi, "").slice(-8);
    await page.goto("/settings/import");
    await expect(page.getByRole("heading", { level: 1, name: "Import patients" })).toBeVisible();
    // Start clean whatever an earlier run left.
    const discard = page.getByRole("button", { name: "Discard this import" });
    if (await discard.isVisible()) {
      await discard.click();
      await expect(page.getByRole("heading", { name: "No import in progress" })).toBeVisible();
    }
    await page.getByLabel("CSV file").setInputFiles({ name: "Patients-Cliniko-20260301.csv", mimeType: "text/csv", buffer: Buffer.from(clinikoFile(suffix)) });

    // The guesses: Cliniko recognised, columns mapped, day-first dates read off the 25/12.
    await expect(page.getByLabel("The file comes from")).toHaveValue("cliniko");
    await expect(page.getByLabel("Dates are written as")).toHaveValue("dmy");
    await expect(page.getByRole("combobox", { name: /^Last name/ })).toHaveValue("2");
    await expect(page.getByRole("combobox", { name: /^Id in the other system/ })).toHaveValue("0");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Check the rows" }).click();

    // The preview: the refused row with its reason beside it; nothing imported yet.
    await expect(page.getByRole("heading", { name: "Check of the file" })).toBeVisible();
    const refused = page.getByRole("region", { name: /Refused by the check/ });
    // Data rows are numbered from 1 below the header: the third holds the formula and no last name.
    await expect(refused.getByRole("row", { name: /^3 .*Enter a last name$/ })).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(`Imogen Import${suffix}`) })).toBeVisible();
    await expectAccessible(page);
    // The check lives on the server: a reload shows the same preview, still with nothing imported.
    await page.reload();
    await expect(page.getByRole("button", { name: "Import 2 rows" })).toBeVisible();
    // At phone width the preview fits without sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 720 });

    await page.getByRole("button", { name: "Import 2 rows" }).click();
    await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible();
    await expect(page.getByText(/2 new patients/)).toBeVisible();

    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: /Download the rows not imported/ }).first().click();
    const download = await downloadPromise;
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const csv = Buffer.concat(chunks).toString("utf8");
    const [header, row] = csv.split("\r\n");
    expect(header).toBe(["row", "reason", ...HEADERS].join(","));
    expect(row).toContain("Enter a last name");
    // The formula cell comes back neutralised.
    expect(row).toContain("'=SUM(1+1)");

    await page.goto(`/patients?q=Import${suffix}`);
    await expect(page.getByRole("link", { name: new RegExp(`Import${suffix}`) })).toHaveCount(2);
  });

  test("a practitioner cannot open the import", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageFor("cara@harbour.test") });
    const page = await context.newPage();
    const response = await page.goto("/settings/import");
    expect(response?.status()).toBe(404);
    await context.close();
  });
});
