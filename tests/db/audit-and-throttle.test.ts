import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { verify } from "@node-rs/argon2";
import { auditEvents, authThrottle } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { verifyCredentials } from "@/lib/auth/credentials";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, WINDOW_MINUTES, passwordKeys, reserveAttempt } from "@/lib/auth/throttle";
import { createClinic, FIXTURE_PASSWORD } from "./fixtures";
import { describeEachDatabase } from "./harness";

// The trigger's own message survives the scrubbing of database errors (db/query-errors.ts).
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
    expect(await verifyCredentials(getConnection(), { email, password: "nope" }, "10.0.0.2")).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials(getConnection(), { email: "nobody@nowhere.test", password: "nope" }, "10.0.0.2")).toEqual({ ok: false, reason: "invalid" });
    const events = await db.select().from(auditEvents).where(eq(auditEvents.actorEmail, email.toLowerCase()));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["login", "login_failed"]));
  });

  it("30 concurrent wrong passwords for one email get at most 5 password checks; the right one is then refused there, and accepted from another address", async () => {
    const email = a.admin.user.email;
    let checks = 0;
    const counting = { checkPassword: (h: string, p: string) => ((checks += 1), verify(h, p).catch(() => false)) };
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => verifyCredentials(getConnection(), { email, password: `wrong-${i}` }, "198.51.100.7", counting)),
    );
    console.info(`[throttle race] ${checks} password checks out of 30 concurrent wrong attempts`);
    expect(checks).toBeLessThanOrEqual(ACCOUNT_LIMIT);
    expect(checks).toBeGreaterThan(0);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(30 - checks);
    expect(await verifyCredentials(getConnection(), { email, password: FIXTURE_PASSWORD }, "198.51.100.7", counting)).toEqual({ ok: false, reason: "throttled" });
    expect(checks).toBeLessThanOrEqual(ACCOUNT_LIMIT);
    const elsewhere = await verifyCredentials(getConnection(), { email, password: FIXTURE_PASSWORD }, "203.0.113.9");
    expect(elsewhere.ok).toBe(true);
  });

  it("a success among concurrent failures does not wipe them", async () => {
    const db = getDb();
    const email = a.practitioner.user.email;
    const ip = "198.51.100.20";
    const burst = [
      ...Array.from({ length: 4 }, (_, i) => verifyCredentials(getConnection(), { email, password: `nope-${i}` }, ip)),
      verifyCredentials(getConnection(), { email, password: FIXTURE_PASSWORD }, ip),
    ];
    await Promise.all(burst);
    const [row] = await db.select().from(authThrottle).where(eq(authThrottle.key, passwordKeys(email, ip).account));
    expect(row?.hits).toBe(4);
    // One more failure reaches the limit; the sixth attempt (even right) is refused.
    await verifyCredentials(getConnection(), { email, password: "nope-again" }, ip);
    expect(await verifyCredentials(getConnection(), { email, password: FIXTURE_PASSWORD }, ip)).toEqual({ ok: false, reason: "throttled" });
  });

  it("limits one address across accounts, and starts over once the window has passed", async () => {
    const db = getDb();
    const ip = "198.51.100.30";
    const keys = (n: number) => passwordKeys(`stranger-${n}@nowhere.test`, ip);
    for (let n = 0; n < ADDRESS_LIMIT; n++) expect((await reserveAttempt(db, keys(n))).allowed).toBe(true);
    expect((await reserveAttempt(db, keys(ADDRESS_LIMIT))).allowed).toBe(false);
    const later = new Date(Date.now() + (WINDOW_MINUTES + 1) * 60_000);
    expect((await reserveAttempt(db, keys(ADDRESS_LIMIT), later)).allowed).toBe(true);
  });
});
