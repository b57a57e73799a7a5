import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditEvents, patientImportRows, patientImports, patients } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { NotFoundError } from "@/lib/errors";
import { guessMapping } from "@/lib/patient-import/columns";
import { discardImport, importBatch, purgeExpiredImports, stageRows, startImport } from "@/lib/patient-import/mutations";
import { buildSkippedCsv, getCurrentImport } from "@/lib/patient-import/queries";
import { CLINIKO_HEADERS, clinikoRow } from "../helpers/import-samples";
import { createClinic, insertPatient } from "./fixtures";
import { describeEachDatabase } from "./harness";

type Clinic = Awaited<ReturnType<typeof createClinic>>;

const mapping = guessMapping(CLINIKO_HEADERS);

/** Stages the rows in chunks and imports them in batches of `batch`, as the browser drives it. */
async function runImport(db: Database, scope: Scope, rows: string[][], options: { chunk?: number; batch?: number } = {}) {
  const importId = await db.transaction((tx) =>
    startImport(tx, scope, { sourceSystem: "cliniko", dateFormat: "dmy", headers: CLINIKO_HEADERS, mapping, totalRows: rows.length }),
  );
  const chunk = options.chunk ?? 500;
  for (let start = 0; start < rows.length; start += chunk) {
    await db.transaction((tx) => stageRows(tx, scope, importId, start, rows.slice(start, start + chunk)));
  }
  const totals = { created: 0, linked: 0, unchanged: 0, skipped: 0, batches: 0 };
  for (;;) {
    const r = await db.transaction((tx) => importBatch(tx, scope, importId, options.batch));
    totals.created += r.created;
    totals.linked += r.linked;
    totals.unchanged += r.unchanged;
    totals.skipped += r.skipped;
    totals.batches += 1;
    if (r.finished) break;
  }
  return { importId, ...totals };
}

const people = (n: number, offset = 0) =>
  Array.from({ length: n }, (_, i) => clinikoRow({ id: `C${offset + i}`, first: `First${offset + i}`, last: `Last${offset + i}`, dob: "02/03/1970", sex: "F" }));

async function countPatients(db: Database, clinicId: string) {
  const [row] = await db.select({ n: count() }).from(patients).where(eq(patients.clinicId, clinicId));
  return row?.n ?? 0;
}

async function batchAudits(db: Database, importId: string) {
  return db
    .select({ action: auditEvents.action, detail: auditEvents.detail, patientId: auditEvents.patientId })
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, "patient-import"), eq(auditEvents.entityId, importId)));
}

describeEachDatabase("patient import", (getDb, getConnection) => {
  let a: Clinic;
  let b: Clinic;

  beforeAll(async () => {
    a = await createClinic(getDb(), "Import A");
    b = await createClinic(getDb(), "Import B");
  });

  describe("batching", () => {
    it("imports in batches of the given size and audits each with its counts only", async () => {
      const db = getDb();
      const c = await createClinic(db, "Batches");
      const result = await runImport(db, c.admin.scope, people(25), { chunk: 10, batch: 10 });
      expect(result).toMatchObject({ created: 25, linked: 0, unchanged: 0, skipped: 0, batches: 3 });
      expect(await countPatients(db, c.clinic.id)).toBe(25);
      const audits = await batchAudits(db, result.importId);
      const batches = audits.filter((e) => e.detail && "batch" in e.detail);
      expect(batches.map((e) => e.detail)).toEqual([
        { batch: 1, rows: 10, created: 10, linked: 0, unchanged: 0, skipped: 0 },
        { batch: 2, rows: 10, created: 10, linked: 0, unchanged: 0, skipped: 0 },
        { batch: 3, rows: 5, created: 5, linked: 0, unchanged: 0, skipped: 0 },
      ]);
      // Counts, not contents: no name, date or id of the file in the trail.
      expect(JSON.stringify(audits)).not.toMatch(/First|Last|1970|C1/);
    });

    it("removes imported rows from staging as it goes and marks the import done", async () => {
      const db = getDb();
      const c = await createClinic(db, "Staging");
      const { importId } = await runImport(db, c.admin.scope, [...people(3), clinikoRow({ id: "X", first: "No", dob: "01/01/1980" })]);
      const left = await db.select({ status: patientImportRows.status, reasons: patientImportRows.reasons }).from(patientImportRows).where(eq(patientImportRows.importId, importId));
      expect(left).toEqual([{ status: "refused", reasons: ["Enter a last name"] }]);
      const [imp] = await db.select().from(patientImports).where(eq(patientImports.id, importId));
      expect(imp).toMatchObject({ status: "done", created: 3, refusedRows: 1 });
    });

    it("does not stage a chunk twice when it is sent again", async () => {
      const db = getDb();
      const c = await createClinic(db, "Resend");
      const scope = c.admin.scope;
      const rows = people(4);
      const importId = await db.transaction((tx) => startImport(tx, scope, { sourceSystem: "cliniko", dateFormat: "dmy", headers: CLINIKO_HEADERS, mapping, totalRows: 4 }));
      await db.transaction((tx) => stageRows(tx, scope, importId, 0, rows.slice(0, 2)));
      const again = await db.transaction((tx) => stageRows(tx, scope, importId, 0, rows.slice(0, 2)));
      expect(again).toEqual({ staged: 2, total: 4, refused: 0 });
      await expect(db.transaction((tx) => stageRows(tx, scope, importId, 3, rows.slice(3)))).rejects.toThrow(/did not arrive/);
    });
  });

  describe("re-import", () => {
    it("changes nothing the second time: 0 created, 0 changed", async () => {
      const db = getDb();
      const c = await createClinic(db, "Twice");
      const rows = people(12);
      const first = await runImport(db, c.admin.scope, rows, { batch: 5 });
      expect(first).toMatchObject({ created: 12, linked: 0, skipped: 0 });
      const before = await db.select({ id: patients.id, version: patients.version, updatedAt: patients.updatedAt }).from(patients).where(eq(patients.clinicId, c.clinic.id));
      const second = await runImport(db, c.admin.scope, rows, { batch: 5 });
      expect(second).toMatchObject({ created: 0, linked: 0, unchanged: 12, skipped: 0 });
      const after = await db.select({ id: patients.id, version: patients.version, updatedAt: patients.updatedAt }).from(patients).where(eq(patients.clinicId, c.clinic.id));
      expect(after.sort((x, y) => x.id.localeCompare(y.id))).toEqual(before.sort((x, y) => x.id.localeCompare(y.id)));
    });

    it("matches by the source id even when the name has changed since", async () => {
      const db = getDb();
      const c = await createClinic(db, "By id");
      await runImport(db, c.admin.scope, [clinikoRow({ id: "77", first: "Maya", last: "Okafor", dob: "14/03/1975" })]);
      const renamed = await runImport(db, c.admin.scope, [clinikoRow({ id: "77", first: "Maya", last: "Okafor-Reid", dob: "14/03/1975" })]);
      expect(renamed).toMatchObject({ created: 0, unchanged: 1 });
      expect(await countPatients(db, c.clinic.id)).toBe(1);
    });

    it("matches a patient typed in by hand by name and date of birth, and links the source id", async () => {
      const db = getDb();
      const c = await createClinic(db, "By name");
      const typed = await insertPatient(db, c.admin.scope, { firstName: "Oscar", lastName: "Lindqvist", dateOfBirth: "1962-11-02" });
      const first = await runImport(db, c.admin.scope, [clinikoRow({ id: "501", first: "oscar", last: "LINDQVIST", dob: "02/11/1962" })]);
      expect(first).toMatchObject({ created: 0, linked: 1 });
      const [p] = await db.select().from(patients).where(eq(patients.id, typed.id));
      expect(p).toMatchObject({ sourceSystem: "cliniko", externalId: "501", version: typed.version + 1 });
      const second = await runImport(db, c.admin.scope, [clinikoRow({ id: "501", first: "oscar", last: "LINDQVIST", dob: "02/11/1962" })]);
      expect(second).toMatchObject({ created: 0, linked: 0, unchanged: 1 });
    });

    it("matches rows without a source id by name and date of birth", async () => {
      const db = getDb();
      const c = await createClinic(db, "No id");
      const row = clinikoRow({ first: "Ava", last: "Lin", dob: "01/02/1990" });
      expect(await runImport(db, c.admin.scope, [row, row])).toMatchObject({ created: 1, unchanged: 1 });
      expect(await runImport(db, c.admin.scope, [row])).toMatchObject({ created: 0, unchanged: 1 });
    });

    it("skips a row that two existing patients match, with the reason", async () => {
      const db = getDb();
      const c = await createClinic(db, "Twins");
      await insertPatient(db, c.admin.scope, { firstName: "Sam", lastName: "Reed", dateOfBirth: "2001-05-05" });
      await insertPatient(db, c.admin.scope, { firstName: "Sam", lastName: "Reed", dateOfBirth: "2001-05-05" });
      const result = await runImport(db, c.admin.scope, [clinikoRow({ id: "9", first: "Sam", last: "Reed", dob: "05/05/2001" })]);
      expect(result).toMatchObject({ created: 0, skipped: 1 });
      const { csv } = await buildSkippedCsv(db, c.admin.scope, result.importId);
      expect(csv).toContain("2 patients already have this name and date of birth");
    });

    it("treats a patient with another id of the same system as someone else", async () => {
      const db = getDb();
      const c = await createClinic(db, "Other id");
      await runImport(db, c.admin.scope, [clinikoRow({ id: "1", first: "Kim", last: "Park", dob: "01/01/1980" })]);
      const result = await runImport(db, c.admin.scope, [clinikoRow({ id: "2", first: "Kim", last: "Park", dob: "01/01/1980" })]);
      expect(result).toMatchObject({ created: 1, linked: 0 });
    });
  });

  describe("clinic isolation", () => {
    it("never matches or links another clinic's patient", async () => {
      const db = getDb();
      const theirs = await insertPatient(db, b.admin.scope, { firstName: "Nia", lastName: "Cole", dateOfBirth: "1985-07-07", sourceSystem: "cliniko", externalId: "N1" });
      const result = await runImport(db, a.admin.scope, [clinikoRow({ id: "N1", first: "Nia", last: "Cole", dob: "07/07/1985" })]);
      expect(result).toMatchObject({ created: 1, linked: 0, unchanged: 0 });
      const [still] = await db.select().from(patients).where(eq(patients.id, theirs.id));
      expect(still).toMatchObject({ clinicId: b.clinic.id, version: theirs.version });
    });

    it("answers not found for another clinic's import", async () => {
      const db = getDb();
      const importId = await db.transaction((tx) => startImport(tx, a.admin.scope, { sourceSystem: "cliniko", dateFormat: "dmy", headers: CLINIKO_HEADERS, mapping, totalRows: 1 }));
      await expect(db.transaction((tx) => stageRows(tx, b.admin.scope, importId, 0, people(1)))).rejects.toBeInstanceOf(NotFoundError);
      await expect(db.transaction((tx) => importBatch(tx, b.admin.scope, importId))).rejects.toBeInstanceOf(NotFoundError);
      await expect(db.transaction((tx) => discardImport(tx, b.admin.scope, importId))).rejects.toBeInstanceOf(NotFoundError);
      await expect(buildSkippedCsv(db, b.admin.scope, importId)).rejects.toBeInstanceOf(NotFoundError);
      expect((await getCurrentImport(db, b.admin.scope))?.id).not.toBe(importId);
    });
  });

  describe("a refused batch", () => {
    it("writes nothing: no patient, no audit row, the staged rows stay ready", async () => {
      const db = getDb();
      const c = await createClinic(db, "Refused");
      const scope = c.admin.scope;
      const importId = await db.transaction((tx) => startImport(tx, scope, { sourceSystem: "cliniko", dateFormat: "dmy", headers: CLINIKO_HEADERS, mapping, totalRows: 3 }));
      await db.transaction((tx) => stageRows(tx, scope, importId, 0, people(3)));
      // A staged row the database refuses (an unknown sex slipped past the checks): the whole batch rolls back.
      const [last] = await db.select({ id: patientImportRows.id, patient: patientImportRows.patient }).from(patientImportRows).where(eq(patientImportRows.importId, importId)).orderBy(patientImportRows.rowNumber).offset(2);
      await db.update(patientImportRows).set({ patient: { ...last!.patient!, sex: "robot" as never } }).where(eq(patientImportRows.id, last!.id));
      const auditsBefore = (await batchAudits(db, importId)).length;
      await expect(db.transaction((tx) => importBatch(tx, scope, importId))).rejects.toThrow();
      expect(await countPatients(db, c.clinic.id)).toBe(0);
      expect((await batchAudits(db, importId)).length).toBe(auditsBefore);
      const staged = await db.select({ status: patientImportRows.status }).from(patientImportRows).where(eq(patientImportRows.importId, importId));
      expect(staged.map((s) => s.status)).toEqual(["ready", "ready", "ready"]);
      const [imp] = await db.select().from(patientImports).where(eq(patientImports.id, importId));
      expect(imp).toMatchObject({ status: "ready", created: 0, batches: 0 });
    });
  });

  describe("skipped rows and staging lifetime", () => {
    it("downloads skipped rows with reasons, formula cells neutralised", async () => {
      const db = getDb();
      const c = await createClinic(db, "Download");
      const { importId } = await runImport(db, c.admin.scope, [...people(1), clinikoRow({ id: "F", first: "=HYPERLINK(\"x\")", last: "", dob: "01/01/1980" })]);
      const { csv, rows } = await buildSkippedCsv(db, c.admin.scope, importId);
      expect(rows).toBe(1);
      const [header, line] = csv.split("\r\n");
      expect(header).toBe(["row", "reason", ...CLINIKO_HEADERS].join(","));
      expect(line).toMatch(/^2,Enter a last name,/);
      expect(line).toContain(`"'=HYPERLINK(""x"")"`);
    });

    it("starting an import discards the clinic's earlier one", async () => {
      const db = getDb();
      const c = await createClinic(db, "One at a time");
      const first = await runImport(db, c.admin.scope, people(1));
      const second = await runImport(db, c.admin.scope, people(1, 100));
      const left = await db.select({ id: patientImports.id }).from(patientImports).where(eq(patientImports.clinicId, c.clinic.id));
      expect(left.map((r) => r.id)).toEqual([second.importId]);
      expect(first.importId).not.toBe(second.importId);
    });

    it("deletes an import and its rows a day after it started", async () => {
      const db = getDb();
      const c = await createClinic(db, "Expiry");
      const { importId } = await runImport(db, c.admin.scope, [clinikoRow({ id: "E", first: "Only", dob: "01/01/1980" })]);
      await db.update(patientImports).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(patientImports.id, importId));
      expect(await getCurrentImport(db, c.admin.scope)).toBeNull();
      await purgeExpiredImports(db);
      expect(await db.select().from(patientImportRows).where(eq(patientImportRows.importId, importId))).toEqual([]);
      expect(await db.select().from(patientImports).where(eq(patientImports.id, importId))).toEqual([]);
    });

    it("purges every clinic's expired imports when the runtime role asks, and keeps live ones", async () => {
      const db = getDb();
      const c = await createClinic(db, "Expiry elsewhere");
      const expired = (await runImport(db, c.admin.scope, [clinikoRow({ id: "E", first: "Only", dob: "01/01/1980" })])).importId;
      await db.update(patientImports).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(patientImports.id, expired));
      const live = await db.transaction((tx) => startImport(tx, a.admin.scope, { sourceSystem: "cliniko", dateFormat: "dmy", headers: CLINIKO_HEADERS, mapping, totalRows: 1 }));
      // As the server's timer runs it: the runtime role, no clinic set, so row-level security shows it nothing.
      // (Last in the file: on PGlite the one connection stays with the runtime role afterwards.)
      const app = await getConnection().openAsApp(1);
      try {
        expect(await purgeExpiredImports(app.db)).toBeGreaterThanOrEqual(1);
        const inC = await app.forClinic(c.clinic.id);
        const inA = await app.forClinic(a.clinic.id);
        expect(await inC.select({ id: patientImports.id }).from(patientImports).where(eq(patientImports.id, expired))).toEqual([]);
        expect(await inC.select({ id: patientImportRows.id }).from(patientImportRows).where(eq(patientImportRows.importId, expired))).toEqual([]);
        expect(await inA.select({ id: patientImports.id }).from(patientImports).where(eq(patientImports.id, live))).toEqual([{ id: live }]);
      } finally {
        await app.close();
      }
    });
  });
});
