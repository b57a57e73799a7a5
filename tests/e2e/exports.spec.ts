import { readFileSync } from "node:fs";
import { request as playwrightRequest } from "@playwright/test";
import { expect, test } from "./fixtures";
import { storageFor } from "./helpers";
import { readPdfText } from "../helpers/pdf-text";

test.describe("patient exports: FHIR Bundle and outcome report", () => {
  test.use({ storageState: storageFor("ava@northside.test") });

  test("downloads Maya's FHIR Bundle and her one-page outcome report from her page; another clinic gets 404", async ({ page, baseURL }) => {
    await page.goto("/patients?q=okafor");
    await page.getByRole("link", { name: "Okafor, Maya" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Maya Okafor" })).toBeVisible();
    const patientPath = new URL(page.url()).pathname;

    const [fhir] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export (FHIR)" }).click()]);
    const bundle = JSON.parse(readFileSync((await fhir.path())!, "utf8")) as { resourceType: string; type: string; entry: { resource: { resourceType: string } }[] };
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
    const kinds = new Set(bundle.entry.map((e) => e.resource.resourceType));
    for (const kind of ["Patient", "Organization", "Practitioner", "Questionnaire", "QuestionnaireResponse", "Observation", "CarePlan", "ServiceRequest", "Procedure", "CodeSystem"]) expect(kinds).toContain(kind);

    const res = await page.request.get(`/api${patientPath}/fhir`);
    expect(res.headers()["content-type"]).toContain("application/fhir+json");

    const [report] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Outcome report (PDF)" }).click()]);
    const pdf = readFileSync((await report.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { pages, text } = await readPdfText(pdf);
    expect(pages).toBe(1);
    expect(text[0]).toContain("Maya Okafor");
    expect(text[0]).toContain("Oswestry Disability Index");

    // Harbour's practitioner asking for Northside's patient: a real 404 on both routes
    const harbour = await playwrightRequest.newContext({ baseURL, storageState: storageFor("cara@harbour.test") });
    for (const suffix of ["fhir", "report.pdf"]) expect((await harbour.get(`/api${patientPath}/${suffix}`)).status()).toBe(404);
    await harbour.dispose();
  });
});
