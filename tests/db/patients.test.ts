import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { createPatient, setPatientArchived, updatePatient } from "@/lib/patients/mutations";
import { getPatient, listPatients } from "@/lib/patients/queries";
import { patientFormSchema } from "@/lib/patients/schemas";
import { createClinic } from "./fixtures";
import { describeEachDatabase } from "./harness";

const form = (over: Record<string, string> = {}) =>
  patientFormSchema.parse({
    firstName: "Maya",
    lastName: "Okafor",
    dateOfBirth: "1975-03-14",
    sex: "female",
    phone: "",
    email: "",
    notes: "",
    weight: "150",
    weightUnit: "lb",
    weightDate: "2026-01-10",
    ...over,
  });

describeEachDatabase("patients", (getDb) => {
  let a: Awaited<ReturnType<typeof createClinic>>;
  let b: Awaited<ReturnType<typeof createClinic>>;

  beforeAll(async () => {
    a = await createClinic(getDb(), "Clinic A");
    b = await createClinic(getDb(), "Clinic B");
  });

  it("creates a patient with a dated weight converted to kg, and audits it", async () => {
    const db = getDb();
    const id = await db.transaction((tx) => createPatient(tx, a.practitioner.scope, form()));
    const p = await getPatient(db, a.practitioner.scope, id);
    expect(p.firstName).toBe("Maya");
    expect(p.weight).toEqual({ kg: 68, measuredOn: "2026-01-10" });
    const events = await db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(events.map((e) => e.action)).toEqual(["create"]);
    expect(events[0]?.actorId).toBe(a.practitioner.user.id);
    expect(events[0]?.clinicId).toBe(a.clinic.id);
  });

  it("searches by name prefix in either order and by date of birth", async () => {
    const db = getDb();
    const scope = a.practitioner.scope;
    await db.transaction((tx) => createPatient(tx, scope, form({ firstName: "Oscar", lastName: "Lindqvist", dateOfBirth: "1962-11-02" })));
    const byLast = await listPatients(db, scope, { q: "lindq", status: "active", after: null, before: null, last: false });
    expect(byLast.rows.map((r) => r.lastName)).toEqual(["Lindqvist"]);
    const both = await listPatients(db, scope, { q: "lind osc", status: "active", after: null, before: null, last: false });
    expect(both.rows).toHaveLength(1);
    const dob = await listPatients(db, scope, { q: "02/11/1962", status: "active", after: null, before: null, last: false });
    expect(dob.rows.map((r) => r.firstName)).toEqual(["Oscar"]);
    const wildcard = await listPatients(db, scope, { q: "%", status: "all", after: null, before: null, last: false });
    expect(wildcard.total).toBe(0);
  });

  it("never shows another clinic's patients, by list or by id", async () => {
    const db = getDb();
    const id = await db.transaction((tx) => createPatient(tx, b.practitioner.scope, form({ firstName: "Harbour", lastName: "Only" })));
    const fromA = await listPatients(db, a.admin.scope, { q: "harbour", status: "all", after: null, before: null, last: false });
    expect(fromA.total).toBe(0);
    await expect(getPatient(db, a.admin.scope, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(db.transaction((tx) => setPatientArchived(tx, a.admin.scope, id, true, null))).rejects.toBeInstanceOf(NotFoundError);
    await expect(db.transaction((tx) => updatePatient(tx, a.admin.scope, id, 1, form()))).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPatient(db, a.admin.scope, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    expect((await getPatient(db, b.practitioner.scope, id)).firstName).toBe("Harbour");
  });

  it("archives and restores, and the archived filter follows", async () => {
    const db = getDb();
    const scope = a.practitioner.scope;
    const id = await db.transaction((tx) => createPatient(tx, scope, form({ firstName: "Archie", lastName: "Vale" })));
    await db.transaction((tx) => setPatientArchived(tx, scope, id, true, "moved away"));
    expect((await listPatients(db, scope, { q: "vale", status: "active", after: null, before: null, last: false })).total).toBe(0);
    expect((await listPatients(db, scope, { q: "vale", status: "archived", after: null, before: null, last: false })).total).toBe(1);
    await db.transaction((tx) => setPatientArchived(tx, scope, id, false, null));
    expect((await listPatients(db, scope, { q: "vale", status: "active", after: null, before: null, last: false })).total).toBe(1);
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.entityId, id))).map((e) => e.action);
    expect(actions).toEqual(["create", "archive", "restore"]);
  });

  it("detects a concurrent edit by version and writes nothing for the loser", async () => {
    const db = getDb();
    const scope = a.practitioner.scope;
    const id = await db.transaction((tx) => createPatient(tx, scope, form({ firstName: "Vera", lastName: "Quinn" })));
    await db.transaction((tx) => updatePatient(tx, scope, id, 1, form({ firstName: "Vera", lastName: "Quinn", phone: "01632 960001" })));
    await expect(
      db.transaction((tx) => updatePatient(tx, scope, id, 1, form({ firstName: "Verity", lastName: "Quinn" }))),
    ).rejects.toBeInstanceOf(ConflictError);
    const p = await getPatient(db, scope, id);
    expect(p.firstName).toBe("Vera");
    expect(p.phone).toBe("01632 960001");
    expect(p.version).toBe(2);
  });

  describe("keyset pages", () => {
    const at = (cursor: Partial<{ after: string; before: string; last: boolean }> = {}) => ({ q: "", status: "active" as const, after: null, before: null, last: false, ...cursor });
    let c: Awaited<ReturnType<typeof createClinic>>;
    const names = Array.from({ length: 45 }, (_, i) => `Name${String(i).padStart(2, "0")}`);

    beforeAll(async () => {
      const db = getDb();
      c = await createClinic(db, "Paging");
      // Inserted out of order, so the name order is the query's, not the insert's.
      for (const i of [...names.keys()].reverse()) {
        await db.transaction((tx) => createPatient(tx, c.admin.scope, form({ firstName: `P${i}`, lastName: names[i]! })));
      }
    });

    it("walks forward page by page in name order and stops at the end", async () => {
      const db = getDb();
      const first = await listPatients(db, c.admin.scope, at());
      expect(first.rows.map((r) => r.lastName)).toEqual(names.slice(0, 20));
      expect([first.hasPrevious, first.hasNext]).toEqual([false, true]);
      const second = await listPatients(db, c.admin.scope, at({ after: first.lastId! }));
      expect(second.rows.map((r) => r.lastName)).toEqual(names.slice(20, 40));
      expect([second.hasPrevious, second.hasNext]).toEqual([true, true]);
      const third = await listPatients(db, c.admin.scope, at({ after: second.lastId! }));
      expect(third.rows.map((r) => r.lastName)).toEqual(names.slice(40));
      expect([third.hasPrevious, third.hasNext]).toEqual([true, false]);
    });

    it("goes back from a page and opens the last page directly", async () => {
      const db = getDb();
      const last = await listPatients(db, c.admin.scope, at({ last: true }));
      expect(last.rows.map((r) => r.lastName)).toEqual(names.slice(25));
      expect([last.hasPrevious, last.hasNext]).toEqual([true, false]);
      const back = await listPatients(db, c.admin.scope, at({ before: last.firstId! }));
      expect(back.rows.map((r) => r.lastName)).toEqual(names.slice(5, 25));
      expect([back.hasPrevious, back.hasNext]).toEqual([true, true]);
      const start = await listPatients(db, c.admin.scope, at({ before: back.firstId! }));
      expect(start.rows.map((r) => r.lastName)).toEqual(names.slice(0, 5));
      expect(start.hasPrevious).toBe(false);
    });

    it("answers the first page for another clinic's patient id as a cursor", async () => {
      const db = getDb();
      const other = await db.transaction((tx) => createPatient(tx, b.practitioner.scope, form({ firstName: "Cursor", lastName: "Elsewhere" })));
      const page = await listPatients(db, c.admin.scope, at({ after: other }));
      expect(page.rows.map((r) => r.lastName)).toEqual(names.slice(0, 20));
      expect(page.hasPrevious).toBe(false);
    });

    it("counts from the maintained per-clinic count, following archive and restore", async () => {
      const db = getDb();
      expect((await listPatients(db, c.admin.scope, at())).total).toBe(45);
      const first = await listPatients(db, c.admin.scope, at());
      await db.transaction((tx) => setPatientArchived(tx, c.admin.scope, first.firstId!, true, null));
      expect((await listPatients(db, c.admin.scope, at())).total).toBe(44);
      expect((await listPatients(db, c.admin.scope, { ...at(), status: "archived" })).total).toBe(1);
      expect((await listPatients(db, c.admin.scope, { ...at(), status: "all" })).total).toBe(45);
      await db.transaction((tx) => setPatientArchived(tx, c.admin.scope, first.firstId!, false, null));
      expect((await listPatients(db, c.admin.scope, at())).total).toBe(45);
    });

    it("counts a search's matches up to the cap", async () => {
      const db = getDb();
      const search = await listPatients(db, c.admin.scope, { ...at(), q: "name" });
      expect([search.total, search.totalCapped]).toEqual([45, false]);
    });
  });
});
