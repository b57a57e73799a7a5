import { readFileSync } from "node:fs";
import { request as playwrightRequest } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import Papa from "papaparse";
import { expect, test } from "./fixtures";
import { storageFor } from "./helpers";
import { readPdfText } from "../helpers/pdf-text";

test.describe("patient right-of-access copy (zip)", () => {
  test.use({ storageState: storageFor("ava@northside.test") });

  test("builds Maya's copy from her page with a progress indicator and saves a zip of her whole record; another clinic gets 404", async ({ page, baseURL }) => {
    await page.goto("/patients?q=okafor");
    await page.getByRole("link", { name: "Okafor, Maya" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Maya Okafor" })).toBeVisible();
    const patientPath = new URL(page.url()).pathname;

    // Hold the answer a moment, so the indicator is seen whatever the machine's speed
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/access-copy", async (route) => {
      await held;
      await route.continue();
    });
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Copy of the record (zip)" }).click();
    await expect(page.getByRole("progressbar", { name: "Building the copy" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Preparing copy…" })).toBeDisabled();
    release();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/^patient-[0-9a-f-]{36}-record\.zip$/);
    await expect(page.getByRole("button", { name: "Copy of the record (zip)" })).toBeEnabled();

    const files = unzipSync(readFileSync((await saved.path())!));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["README.txt", "summary.pdf", "record.fhir.json", "csv/measurements.csv", "csv/patient.csv"]));
    const bundle = JSON.parse(strFromU8(files["record.fhir.json"]!)) as { resourceType: string; entry: unknown[] };
    expect(bundle.resourceType).toBe("Bundle");
    expect(bundle.entry.length).toBeGreaterThan(10);
    const patient = Papa.parse<Record<string, string>>(strFromU8(files["csv/patient.csv"]!), { header: true, skipEmptyLines: true }).data;
    expect(patient).toEqual([expect.objectContaining({ first_name: "Maya", last_name: "Okafor" })]);
    const { text } = await readPdfText(files["summary.pdf"]!);
    expect(text.join("\n")).toContain("Maya Okafor");

    const res = await page.request.get(`/api${patientPath}/access-copy`);
    expect(res.headers()["cache-control"]).toBe("no-store");
    expect(res.headers()["content-type"]).toBe("application/zip");

    const harbour = await playwrightRequest.newContext({ baseURL, storageState: storageFor("cara@harbour.test") });
    expect((await harbour.get(`/api${patientPath}/access-copy`)).status()).toBe(404);
    await harbour.dispose();
  });
});
