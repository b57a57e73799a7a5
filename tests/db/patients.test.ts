import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
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
    const byLast = await listPatients(db, scope, { q: "lindq", status: "active", page: 1 });
    expect(byLast.rows.map((r) => r.lastName)).toEqual(["Lindqvist"]);
    const both = await listPatients(db, scope, { q: "lind osc", status: "active", page: 1 });
    expect(both.rows).toHaveLength(1);
    const dob = await listPatients(db, scope, { q: "02/11/1962", status: "active", page: 1 });
    expect(dob.rows.map((r) => r.firstName)).toEqual(["Oscar"]);
    const wildcard = await listPatients(db, scope, { q: "%", status: "all", page: 1 });
    expect(wildcard.total).toBe(0);
  });

  it("never shows another clinic's patients, by list or by id", async () => {
    const db = getDb();
    const id = await db.transaction((tx) => createPatient(tx, b.practitioner.scope, form({ firstName: "Harbour", lastName: "Only" })));
    const fromA = await listPatients(db, a.admin.scope, { q: "harbour", status: "all", page: 1 });
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
    expect((await listPatients(db, scope, { q: "vale", status: "active", page: 1 })).total).toBe(0);
    expect((await listPatients(db, scope, { q: "vale", status: "archived", page: 1 })).total).toBe(1);
    await db.transaction((tx) => setPatientArchived(tx, scope, id, false, null));
    expect((await listPatients(db, scope, { q: "vale", status: "active", page: 1 })).total).toBe(1);
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

  it("paginates in name order", async () => {
    const db = getDb();
    const c = await createClinic(db, "Paging");
    for (let i = 0; i < 25; i++) {
      await db.transaction((tx) => createPatient(tx, c.admin.scope, form({ firstName: `P${i}`, lastName: `Name${String(i).padStart(2, "0")}` })));
    }
    const first = await listPatients(db, c.admin.scope, { q: "", status: "active", page: 1 });
    const second = await listPatients(db, c.admin.scope, { q: "", status: "active", page: 2 });
    expect(first.total).toBe(25);
    expect(first.pageCount).toBe(2);
    expect(first.rows).toHaveLength(20);
    expect(second.rows.map((r) => r.lastName)).toEqual(["Name20", "Name21", "Name22", "Name23", "Name24"]);
  });
});
