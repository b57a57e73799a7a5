import { hash, verify } from "@node-rs/argon2";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { verifyCredentials } from "@/lib/auth/credentials";
import { ARGON2_OPTIONS } from "@/lib/auth/password-options";
import { countOpenSessions } from "@/lib/auth/sessions";
import { NotFoundError, RuleError } from "@/lib/errors";
import { addStaffMember, changeStaffRole, generateOneTimePassword, resetStaffPassword, setStaffActive } from "@/lib/staff/mutations";
import { getStaffMember, listStaff } from "@/lib/staff/queries";
import { addStaffSchema } from "@/lib/staff/schemas";
import { createClinic, FIXTURE_PASSWORD } from "./fixtures";
import { describeEachDatabase } from "./harness";

let seq = 0;
const newEmail = () => `new${++seq}-${Date.now()}@staff.test`;

const auditFor = (db: Database, id: string) =>
  db.select().from(auditEvents).where(and(eq(auditEvents.entity, "user"), eq(auditEvents.entityId, id)));

describeEachDatabase("staff", (getDb, getConnection) => {
  let a: Awaited<ReturnType<typeof createClinic>>;
  let b: Awaited<ReturnType<typeof createClinic>>;

  beforeAll(async () => {
    a = await createClinic(getDb(), "Staff A");
    b = await createClinic(getDb(), "Staff B");
  });

  const addMember = async (scope = a.admin.scope, role: "admin" | "practitioner" = "practitioner", email = newEmail()) => {
    const password = generateOneTimePassword();
    const input = addStaffSchema.parse({ name: "New Person", email, role });
    const passwordHash = await hash(password, ARGON2_OPTIONS);
    const id = await getDb().transaction((tx) => addStaffMember(tx, scope, input, passwordHash));
    return { id, password, email: input.email };
  };

  it("generates readable one-time passwords of at least 12 characters", () => {
    const passwords = new Set(Array.from({ length: 50 }, generateOneTimePassword));
    expect(passwords.size).toBe(50);
    for (const p of passwords) {
      expect(p.length).toBeGreaterThanOrEqual(12);
      expect(p).toMatch(/^[a-km-np-z2-9]{4}(-[a-km-np-z2-9]{4}){3}$/);
    }
  });

  it("validates the add form with messages per field", () => {
    const result = addStaffSchema.safeParse({ name: " ", email: "not-an-email", role: "owner" });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((i) => i.path.join(".")).sort();
    expect(fields).toEqual(["email", "name", "role"]);
  });

  it("adds a member with a hashed one-time password they must change, and audits it", async () => {
    const db = getDb();
    const { id, password, email } = await addMember(a.admin.scope, "practitioner", `  Mixed.Case${++seq}@Staff.TEST `);
    const [row] = await db.select().from(users).where(eq(users.id, id));
    expect(row?.email).toBe(email);
    expect(email).toBe(email.toLowerCase());
    expect(row?.clinicId).toBe(a.clinic.id);
    expect(row?.mustChangePassword).toBe(true);
    expect(row?.passwordHash).not.toContain(password);
    expect(await verify(row?.passwordHash ?? "", password)).toBe(true);
    const events = await auditFor(db, id);
    expect(events.map((e) => [e.action, e.actorId, e.clinicId])).toEqual([["create", a.admin.user.id, a.clinic.id]]);
    expect(JSON.stringify(events[0]?.detail)).not.toContain(password);
    const signIn = await verifyCredentials(getConnection(), { email, password }, null);
    expect(signIn.ok && signIn.user.mustChangePassword).toBe(true);
  });

  it("refuses an email already used in any clinic, whatever its case, with a message on the email field", async () => {
    const db = getDb();
    const taken = b.practitioner.user.email.toUpperCase();
    const before = await listStaff(db, a.admin.scope);
    const refused = addMember(a.admin.scope, "practitioner", taken);
    await expect(refused).rejects.toBeInstanceOf(RuleError);
    await expect(refused).rejects.toMatchObject({ field: "email" });
    expect(await listStaff(db, a.admin.scope)).toEqual(before);
  });

  it("refuses the second of two simultaneous adds of one email with the same field message", async () => {
    const db = getDb();
    const email = newEmail();
    const c = await createClinic(db, "Duplicate");
    await Promise.all([db.execute(sql`select pg_sleep(0.05)`), db.execute(sql`select pg_sleep(0.05)`)]);
    const results = await Promise.allSettled([addMember(a.admin.scope, "practitioner", email), addMember(c.admin.scope, "practitioner", email)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refusal = results.find((r) => r.status === "rejected")?.reason;
    expect(refusal).toBeInstanceOf(RuleError);
    expect(refusal).toMatchObject({ field: "email" });
  });

  it("lists only the clinic's staff, active first, without password hashes", async () => {
    const staff = await listStaff(getDb(), b.admin.scope);
    expect(staff.map((s) => s.id).sort()).toEqual([b.admin.user.id, b.practitioner.user.id].sort());
    expect(Object.keys(staff[0] ?? {})).not.toContain("passwordHash");
  });

  it("changes a role and audits from and to", async () => {
    const db = getDb();
    const { id } = await addMember();
    await db.transaction((tx) => changeStaffRole(tx, a.admin.scope, id, "admin"));
    expect((await getStaffMember(db, a.admin.scope, id)).role).toBe("admin");
    const events = await auditFor(db, id);
    expect(events.at(-1)?.detail).toEqual({ change: "role", from: "practitioner", to: "admin" });
    await db.transaction((tx) => changeStaffRole(tx, a.admin.scope, id, "practitioner"));
    expect((await getStaffMember(db, a.admin.scope, id)).role).toBe("practitioner");
  });

  it("deactivates (sign-in then refused, records kept) and reactivates", async () => {
    const db = getDb();
    const { id, email, password } = await addMember();
    await db.transaction((tx) => setStaffActive(tx, a.admin.scope, id, false));
    expect((await getStaffMember(db, a.admin.scope, id)).deactivatedAt).toBeInstanceOf(Date);
    expect(await verifyCredentials(getConnection(), { email, password }, null)).toEqual({ ok: false, reason: "invalid" });
    await db.transaction((tx) => setStaffActive(tx, a.admin.scope, id, true));
    expect((await getStaffMember(db, a.admin.scope, id)).deactivatedAt).toBeNull();
    expect((await verifyCredentials(getConnection(), { email, password }, null)).ok).toBe(true);
    const changes = (await auditFor(db, id)).map((e) => e.detail?.change ?? e.action);
    expect(changes).toEqual(["create", "deactivated", "reactivated"]);
  });

  it("refuses self-demotion, self-deactivation and losing the last active admin", async () => {
    const db = getDb();
    const c = await createClinic(db, "Guarded");
    const self = c.admin.scope;
    await expect(db.transaction((tx) => changeStaffRole(tx, self, self.userId, "practitioner"))).rejects.toThrow(/your own admin role/);
    await expect(db.transaction((tx) => setStaffActive(tx, self, self.userId, false))).rejects.toThrow(/your own account/);

    // A second admin, deactivated: the first is still the only active admin.
    const other = await addMember(self, "admin");
    await db.transaction((tx) => setStaffActive(tx, self, other.id, false));
    // Scope of an admin acting on the sole active admin (as if from a session read just before).
    const otherScope = { ...self, userId: other.id, email: other.email };
    await expect(db.transaction((tx) => changeStaffRole(tx, otherScope, self.userId, "practitioner"))).rejects.toThrow(/at least one active admin/);
    await expect(db.transaction((tx) => setStaffActive(tx, otherScope, self.userId, false))).rejects.toThrow(/at least one active admin/);

    // With another active admin, demoting is allowed.
    await db.transaction((tx) => setStaffActive(tx, self, other.id, true));
    await db.transaction((tx) => changeStaffRole(tx, otherScope, self.userId, "practitioner"));
    expect((await getStaffMember(db, self, self.userId)).role).toBe("practitioner");
  });

  it("lets only one of two admins demoting each other at once succeed", async () => {
    const db = getDb();
    const c = await createClinic(db, "Race");
    const other = await addMember(c.admin.scope, "admin");
    const otherScope = { ...c.admin.scope, userId: other.id, email: other.email };
    // Open two pooled connections first so on PostgreSQL the transactions truly overlap.
    await Promise.all([db.execute(sql`select pg_sleep(0.05)`), db.execute(sql`select pg_sleep(0.05)`)]);
    const results = await Promise.allSettled([
      db.transaction((tx) => changeStaffRole(tx, c.admin.scope, other.id, "practitioner")),
      db.transaction((tx) => changeStaffRole(tx, otherScope, c.admin.user.id, "practitioner")),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const admins = (await listStaff(db, c.admin.scope)).filter((s) => s.role === "admin");
    expect(admins).toHaveLength(1);
  });

  it("treats another clinic's user as not found and changes nothing", async () => {
    const db = getDb();
    const target = b.practitioner.user.id;
    await expect(getStaffMember(db, a.admin.scope, target)).rejects.toBeInstanceOf(NotFoundError);
    await expect(db.transaction((tx) => changeStaffRole(tx, a.admin.scope, target, "admin"))).rejects.toBeInstanceOf(NotFoundError);
    await expect(db.transaction((tx) => setStaffActive(tx, a.admin.scope, target, false))).rejects.toBeInstanceOf(NotFoundError);
    await expect(getStaffMember(db, a.admin.scope, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    const [row] = await db.select().from(users).where(eq(users.id, target));
    expect(row?.role).toBe("practitioner");
    expect(row?.deactivatedAt).toBeNull();
    expect((await verifyCredentials(getConnection(), { email: row?.email, password: FIXTURE_PASSWORD }, null)).ok).toBe(true);
    expect(await auditFor(db, target)).toHaveLength(0);
  });

  it("resets a password: the old one stops working, the new one-time one must be changed, sessions end", async () => {
    const db = getDb();
    const { id, email, password } = await addMember();
    const fresh = generateOneTimePassword();
    const freshHash = await hash(fresh, ARGON2_OPTIONS);
    await expect(db.transaction((tx) => resetStaffPassword(tx, b.admin.scope, id, freshHash))).rejects.toBeInstanceOf(NotFoundError);
    await expect(db.transaction((tx) => resetStaffPassword(tx, a.admin.scope, a.admin.user.id, freshHash))).rejects.toBeInstanceOf(RuleError);
    expect((await verifyCredentials(getConnection(), { email, password }, null)).ok).toBe(true);
    expect(await countOpenSessions(db, id)).toBe(1);
    await db.transaction((tx) => resetStaffPassword(tx, a.admin.scope, id, freshHash));
    expect(await countOpenSessions(db, id)).toBe(0);
    expect(await verifyCredentials(getConnection(), { email, password }, null)).toEqual({ ok: false, reason: "invalid" });
    const signedIn = await verifyCredentials(getConnection(), { email, password: fresh }, null);
    expect(signedIn.ok && signedIn.user.mustChangePassword).toBe(true);
    expect(await countOpenSessions(db, id)).toBe(1); // only the sign-in just made
    expect((await auditFor(db, id)).map((e) => e.detail?.change ?? e.action)).toEqual(["create", "password reset"]);
  });
});
