import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { writeDeniedAudit } from "@/lib/audit";
import { listAuditEvents } from "@/lib/audit-log/queries";
import { auditListParamsSchema } from "@/lib/audit-log/schemas";
import { findForeignRecord, recordsExist } from "@/lib/routing/record-check";
import { readRecordPath } from "@/lib/routing/record-path";
import { createClinic, insertPatient } from "./fixtures";
import { describeEachDatabase } from "./harness";

describeEachDatabase("the proxy's record check", (getDb, getConnection) => {
  let north: Awaited<ReturnType<typeof createClinic>>;
  let harbour: Awaited<ReturnType<typeof createClinic>>;
  let ownPatient: string;
  let otherPatient: string;

  beforeAll(async () => {
    north = await createClinic(getDb(), "North");
    harbour = await createClinic(getDb(), "Harbour");
    ownPatient = (await insertPatient(getDb(), north.practitioner.scope)).id;
    otherPatient = (await insertPatient(getDb(), harbour.practitioner.scope)).id;
  });

  it("finds the clinic's own patient and nothing else", async () => {
    const db = getDb();
    expect(await recordsExist(db, north.clinic.id, readRecordPath(`/patients/${ownPatient}/edit`))).toBe(true);
    expect(await recordsExist(db, north.clinic.id, readRecordPath(`/patients/${otherPatient}`))).toBe(false);
    expect(await recordsExist(db, north.clinic.id, readRecordPath(`/patients/${randomUUID()}`))).toBe(false);
    expect(await recordsExist(db, north.clinic.id, readRecordPath("/patients/not-a-uuid"))).toBe(false);
  });

  it("a child must belong to the parent in the path", async () => {
    const db = getDb();
    // A programme id that exists nowhere, under a real patient: missing.
    expect(await recordsExist(db, north.clinic.id, readRecordPath(`/patients/${ownPatient}/programmes/${randomUUID()}`))).toBe(false);
  });

  it("built-in exercises exist, but have no edit page", async () => {
    const db = getDb();
    expect(await recordsExist(db, north.clinic.id, readRecordPath("/exercises/glute-bridge"))).toBe(true);
    expect(await recordsExist(db, north.clinic.id, readRecordPath("/exercises/glute-bridge/edit"))).toBe(false);
    expect(await recordsExist(db, north.clinic.id, readRecordPath("/exercises/no-such-exercise"))).toBe(false);
  });

  it("tells another clinic's record from a missing one", async () => {
    const db = await getConnection().forClinic(north.clinic.id);
    expect(await findForeignRecord(db, readRecordPath(`/patients/${otherPatient}`))).toEqual(expect.objectContaining({ kind: "patient", value: otherPatient }));
    expect(await findForeignRecord(db, readRecordPath(`/patients/${randomUUID()}`))).toBeNull();
    expect(await findForeignRecord(db, readRecordPath(`/patients/${ownPatient}`))).toBeNull();
    // With no clinic set the probe answers nothing.
    expect(await findForeignRecord(getDb(), readRecordPath(`/patients/${otherPatient}`))).toBeNull();
  });

  it("a denied attempt is in the actor's clinic's trail and the audit log filters to it", async () => {
    const db = getDb();
    const { scope } = north.practitioner;
    await writeDeniedAudit(db, { clinicId: scope.clinicId, userId: scope.userId, email: scope.email, ip: "127.0.0.1" }, { entity: "patient", entityId: otherPatient, path: `/patients/${otherPatient}` });
    const [row] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "denied"), eq(auditEvents.entityId, otherPatient)));
    expect(row).toEqual(expect.objectContaining({ clinicId: north.clinic.id, actorId: scope.userId, entity: "patient", patientId: null }));
    const page = await listAuditEvents(db, north.admin.scope, auditListParamsSchema.parse({ action: "denied" }));
    expect(page.rows.map((r) => r.entityId)).toContain(otherPatient);
    expect(page.rows.every((r) => r.action === "denied")).toBe(true);
    // Harbour's own trail says nothing about it.
    const theirs = await listAuditEvents(db, harbour.admin.scope, auditListParamsSchema.parse({ action: "denied" }));
    expect(theirs.rows).toEqual([]);
  });
});
