import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Connection } from "@/db/client";
import { patientImportRows, patientImports } from "@/db/schema";
import { runActionAs } from "@/lib/actions/validated";
import { stageRowsAction, startImportAction } from "@/lib/patient-import/actions";
import { CLINIKO_HEADERS, clinikoRow } from "../helpers/import-samples";
import { createClinic } from "./fixtures";
import { describeEachDatabase } from "./harness";
import { useRuntimeDatabase } from "./runtime-database";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

// Columns of the Cliniko sample by their index in CLINIKO_HEADERS.
const column = (title: string) => String(CLINIKO_HEADERS.indexOf(title));
const start = (over: Record<string, string> = {}) =>
  form({
    sourceSystem: "cliniko",
    dateFormat: "dmy",
    headers: JSON.stringify(CLINIKO_HEADERS),
    totalRows: "2",
    externalId: column("Patient ID"),
    firstName: column("First Name"),
    lastName: column("Last Name"),
    dateOfBirth: column("Date of Birth"),
    ...over,
  });

/** The import's server actions as a request would run them: session scope, zod, admin check. */
describeEachDatabase("patient import actions", (getDb, getConnection) => {
  let clinic: Awaited<ReturnType<typeof createClinic>>;
  let asApp: Connection;

  beforeAll(async () => {
    clinic = await createClinic(getDb(), "Import actions");
    asApp = await getConnection().openAsApp();
  });
  useRuntimeDatabase(() => asApp);
  afterAll(async () => {
    await asApp?.close();
  });

  it("answers a practitioner not found", async () => {
    await expect(runActionAs(startImportAction, clinic.practitioner.scope, start())).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });

  it("refuses a mapping without a last name column, next to that field, and writes nothing", async () => {
    const result = await runActionAs(startImportAction, clinic.admin.scope, start({ lastName: "" }));
    expect(result).toMatchObject({ ok: false, errors: { lastName: ["Choose the column that holds the last name"] } });
    const db = await asApp.forClinic(clinic.clinic.id);
    expect(await db.select().from(patientImports).where(eq(patientImports.clinicId, clinic.clinic.id))).toEqual([]);
  });

  it("refuses one column feeding two fields", async () => {
    const result = await runActionAs(startImportAction, clinic.admin.scope, start({ notes: column("First Name") }));
    expect(result.errors?.notes).toEqual(["This column already feeds first name"]);
  });

  it("starts an import and checks a chunk, under row-level security as the runtime role", async () => {
    const started = await runActionAs(startImportAction, clinic.admin.scope, start());
    expect(started.ok).toBe(true);
    const importId = String(started.data?.importId);
    const rows = [clinikoRow({ id: "1", first: "Maya", last: "Okafor", dob: "14/03/1975" })];
    const staged = await runActionAs(stageRowsAction, clinic.admin.scope, form({ importId, start: "0", rows: JSON.stringify(rows) }));
    expect(staged).toMatchObject({ ok: true, data: { staged: 1, total: 2, refused: 0 } });
    const db = await asApp.forClinic(clinic.clinic.id);
    expect(await db.select({ status: patientImportRows.status }).from(patientImportRows).where(eq(patientImportRows.importId, importId))).toEqual([{ status: "ready" }]);
  });

  it("refuses rows that are not a list of lists of text", async () => {
    const started = await runActionAs(startImportAction, clinic.admin.scope, start());
    const importId = String(started.data?.importId);
    const result = await runActionAs(stageRowsAction, clinic.admin.scope, form({ importId, start: "0", rows: "{not json" }));
    expect(result).toMatchObject({ ok: false, errors: { rows: ["These rows could not be read"] } });
  });
});
