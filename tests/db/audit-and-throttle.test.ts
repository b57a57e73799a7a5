import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { verifyCredentials } from "@/lib/auth/credentials";
import { MAX_FAILURES, isThrottled } from "@/lib/auth/throttle";
import { createClinic, FIXTURE_PASSWORD } from "./fixtures";
import { describeEachDatabase } from "./harness";

// Drizzle wraps the database error; the trigger's message is on the cause.
const refusedAsAppendOnly = (err: unknown) =>
  /append-only/.test(String((err as { cause?: { message?: string } }).cause?.message ?? (err as Error).message));

describeEachDatabase("audit trail and sign-in throttle", (getDb, getConnection) => {
  let a: Awaited<ReturnType<typeof createClinic>>;
  beforeAll(async () => {
    a = await createClinic(getDb(), "Audit");
  });

  it("refuses UPDATE, DELETE and TRUNCATE on audit_event", async () => {
    const db = getDb();
    await writeAudit(db, a.admin.scope, { action: "view", entity: "patient", entityId: "x" });
    await expect(db.update(auditEvents).set({ reason: "tampered" }).where(eq(auditEvents.clinicId, a.clinic.id))).rejects.toSatisfy(refusedAsAppendOnly);
    await expect(db.delete(auditEvents).where(eq(auditEvents.clinicId, a.clinic.id))).rejects.toSatisfy(refusedAsAppendOnly);
    await expect(db.execute(sql`truncate audit_event`)).rejects.toSatisfy(refusedAsAppendOnly);
    const rows = await db.select().from(auditEvents).where(eq(auditEvents.clinicId, a.clinic.id));
    expect(rows.some((r) => r.reason === "tampered")).toBe(false);
  });

  it("signs in with the right password and gives the same answer for a wrong email or password", async () => {
    const db = getDb();
    const email = a.practitioner.user.email;
    const ok = await verifyCredentials(getConnection(), { email: email.toUpperCase(), password: FIXTURE_PASSWORD }, "10.0.0.1");
    expect(ok.ok && ok.user.clinicId).toBe(a.clinic.id);
    expect(await verifyCredentials(getConnection(), { email, password: "nope" }, null)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials(getConnection(), { email: "nobody@nowhere.test", password: "nope" }, null)).toEqual({ ok: false, reason: "invalid" });
    const events = await db.select().from(auditEvents).where(eq(auditEvents.actorEmail, email.toLowerCase()));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["login", "login_failed"]));
  });

  it("refuses an email for the window after five failures, even with the right password", async () => {
    const db = getDb();
    const email = a.admin.user.email;
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(await verifyCredentials(getConnection(), { email, password: `wrong-${i}` }, null)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await isThrottled(db, email)).toBe(true);
    expect(await verifyCredentials(getConnection(), { email, password: FIXTURE_PASSWORD }, null)).toEqual({ ok: false, reason: "throttled" });
    // The counter lives in the database: after the window it lets the user in again.
    const later = new Date(Date.now() + 16 * 60_000);
    expect(await isThrottled(db, email, later)).toBe(false);
  });
});
