import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditEvents, clinics } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { listAuditEvents } from "@/lib/audit-log/queries";
import { auditListParamsSchema, type AuditListParams } from "@/lib/audit-log/schemas";
import { createClinic, insertPatient } from "./fixtures";
import { describeEachDatabase } from "./harness";

const params = (over: Record<string, string> = {}): AuditListParams => auditListParamsSchema.parse(over);

/** Audit rows with a chosen time: only inserts, the table refuses updates. */
async function insertEventAt(db: Database, scope: { clinicId: string; userId: string; email: string }, at: string, patientId: string | null = null) {
  await db.insert(auditEvents).values({ clinicId: scope.clinicId, actorId: scope.userId, actorEmail: scope.email, entity: "patient", action: "view", patientId, at: new Date(at) });
}

describeEachDatabase("audit log", (getDb) => {
  let a: Awaited<ReturnType<typeof createClinic>>;
  let b: Awaited<ReturnType<typeof createClinic>>;
  let maya: Awaited<ReturnType<typeof insertPatient>>;
  let oscar: Awaited<ReturnType<typeof insertPatient>>;

  beforeAll(async () => {
    const db = getDb();
    a = await createClinic(db, "Log A");
    b = await createClinic(db, "Log B");
    // Clinic A keeps New York time: UTC-5 in January, UTC-4 in July.
    await db.update(clinics).set({ timeZone: "America/New_York" }).where(eq(clinics.id, a.clinic.id));
    maya = await insertPatient(db, a.practitioner.scope, { firstName: "Maya", lastName: "Okafor", dateOfBirth: "1975-03-14" });
    oscar = await insertPatient(db, a.practitioner.scope, { firstName: "Oscar", lastName: "Lindqvist" });
    await insertEventAt(db, a.practitioner.scope, "2024-01-10T04:59:00Z", maya.id); // 9 Jan, 23:59 in New York
    await insertEventAt(db, a.practitioner.scope, "2024-01-10T05:00:00Z", maya.id); // 10 Jan, 00:00
    await insertEventAt(db, a.admin.scope, "2024-07-10T03:59:00Z", oscar.id); // 9 Jul, 23:59
    await insertEventAt(db, a.admin.scope, "2024-07-11T03:59:00Z", oscar.id); // 10 Jul, 23:59
    await writeAudit(db, a.admin.scope, { action: "update", entity: "user", entityId: a.practitioner.user.id, detail: { change: "role" } });
    await writeAudit(db, b.admin.scope, { action: "view", entity: "patient", entityId: "b-only", patientId: maya.id });
  });

  it("lists the clinic's events newest first, with actor, patient and staff names", async () => {
    const page = await listAuditEvents(getDb(), a.admin.scope, params());
    expect(page.total).toBe(5);
    expect(page.timeZone).toBe("America/New_York");
    const times = page.rows.map((r) => r.at.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    const [newest] = page.rows;
    expect(newest?.entity).toBe("user");
    expect(newest?.actorName).toBe(a.admin.user.name);
    expect(newest?.subjectName).toBe(a.practitioner.user.name);
    const mayaRow = page.rows.find((r) => r.patientId === maya.id);
    expect([mayaRow?.patientFirstName, mayaRow?.patientLastName, mayaRow?.actorName]).toEqual(["Maya", "Okafor", a.practitioner.user.name]);
  });

  it("never shows another clinic's events, even one naming this clinic's patient id", async () => {
    const fromB = await listAuditEvents(getDb(), b.admin.scope, params());
    expect(fromB.total).toBe(1);
    // The patient belongs to clinic A: clinic B's event does not learn the name.
    expect(fromB.rows[0]?.patientFirstName).toBeNull();
    const fromA = await listAuditEvents(getDb(), a.admin.scope, params({ patientId: maya.id }));
    expect(fromA.rows.every((r) => r.actorId !== b.admin.user.id)).toBe(true);
  });

  it("filters by actor, patient id, patient name or date of birth, and action", async () => {
    const db = getDb();
    const scope = a.admin.scope;
    expect((await listAuditEvents(db, scope, params({ actor: a.practitioner.user.id }))).total).toBe(2);
    expect((await listAuditEvents(db, scope, params({ patientId: oscar.id }))).total).toBe(2);
    expect((await listAuditEvents(db, scope, params({ patient: "okaf" }))).rows.map((r) => r.patientId)).toEqual([maya.id, maya.id]);
    expect((await listAuditEvents(db, scope, params({ patient: "lind osc" }))).total).toBe(2);
    expect((await listAuditEvents(db, scope, params({ patient: "14/03/1975" }))).total).toBe(2);
    expect((await listAuditEvents(db, scope, params({ patient: "%" }))).total).toBe(0);
    expect((await listAuditEvents(db, scope, params({ action: "update" }))).rows.map((r) => r.entity)).toEqual(["user"]);
    expect((await listAuditEvents(db, scope, params({ actor: b.admin.user.id }))).total).toBe(0);
  });

  it("reads from and to as whole days in the clinic's time zone, across daylight saving", async () => {
    const db = getDb();
    const scope = a.admin.scope;
    const january = await listAuditEvents(db, scope, params({ from: "2024-01-10", to: "2024-01-10" }));
    expect(january.rows.map((r) => r.at.toISOString())).toEqual(["2024-01-10T05:00:00.000Z"]);
    const july = await listAuditEvents(db, scope, params({ from: "2024-07-10", to: "2024-07-10" }));
    expect(july.rows.map((r) => r.at.toISOString())).toEqual(["2024-07-11T03:59:00.000Z"]);
    expect((await listAuditEvents(db, scope, params({ to: "2024-01-09" }))).total).toBe(1);
    expect((await listAuditEvents(db, scope, params({ from: "2024-07-01", to: "2024-07-31", actor: a.admin.user.id }))).total).toBe(2);
  });

  it("drops malformed filters instead of failing", () => {
    expect(params({ actor: "x", patientId: "1; drop", action: "nuke", from: "2026-02-30", to: "tomorrow", page: "-3" })).toEqual({
      actor: undefined,
      patientId: undefined,
      patient: "",
      action: undefined,
      from: undefined,
      to: undefined,
      page: 1,
    });
  });

  it("pages 50 at a time", async () => {
    const db = getDb();
    const c = await createClinic(db, "Busy");
    const rows = Array.from({ length: 55 }, (_, i) => ({
      clinicId: c.clinic.id,
      actorId: c.admin.user.id,
      actorEmail: c.admin.user.email,
      entity: "patient",
      entityId: String(i),
      action: "view" as const,
      at: new Date(Date.UTC(2026, 0, 1, 0, i)),
    }));
    await db.insert(auditEvents).values(rows);
    const first = await listAuditEvents(db, c.admin.scope, params());
    const second = await listAuditEvents(db, c.admin.scope, params({ page: "2" }));
    expect([first.total, first.pageCount, first.rows.length, second.rows.length]).toEqual([55, 2, 50, 5]);
    expect(first.rows[0]?.entityId).toBe("54");
    expect(second.rows.map((r) => r.entityId)).toEqual(["4", "3", "2", "1", "0"]);
  });
});
