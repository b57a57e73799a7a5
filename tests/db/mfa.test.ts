import { eq } from "drizzle-orm";
import { generate } from "otplib";
import { beforeAll, expect, it } from "vitest";
import { clinics, mfaRecoveryCodes, mfaTotp } from "@/db/schema";
import { verifyCredentials } from "@/lib/auth/credentials";
import { readSessionAccount, revokeUserSessions } from "@/lib/auth/sessions";
import { ACCOUNT_LIMIT } from "@/lib/auth/throttle";
import { replaceRecoveryCodes, spendRecoveryCode, USED_RECOVERY_CODE } from "@/lib/mfa/recovery-codes";
import { openSecret } from "@/lib/mfa/secret-box";
import { verifySecondFactor, totpCheck } from "@/lib/mfa/second-factor";
import { checkTotpCode, REPLAYED_CODE, startTotpEnrolment } from "@/lib/mfa/totp";
import { resetMemberFactors } from "@/lib/staff/mfa-policy";
import { createClinic, FIXTURE_PASSWORD } from "./fixtures";
import { describeEachDatabase } from "./harness";

describeEachDatabase("second factor and sessions", (getDb, getConnection) => {
  let a: Awaited<ReturnType<typeof createClinic>>;
  let secret: string;
  beforeAll(async () => {
    a = await createClinic(getDb(), "Mfa");
  });

  const signIn = async (ip = "192.0.2.1") => {
    const r = await verifyCredentials(getConnection(), { email: a.practitioner.user.email, password: FIXTURE_PASSWORD }, ip);
    if (!r.ok) throw new Error("sign-in failed");
    return r.user.sessionId;
  };

  it("keeps the key encrypted and enables it only after a correct code, which cannot be replayed", async () => {
    const db = getDb();
    const userId = a.practitioner.user.id;
    const enrolment = await startTotpEnrolment(db, userId, a.practitioner.user.email);
    secret = enrolment!.secret;
    expect(enrolment!.qrSvg).toContain("<svg");
    const [row] = await db.select().from(mfaTotp).where(eq(mfaTotp.userId, userId));
    expect(row?.secretEnc).not.toContain(secret);
    expect(openSecret(row!.secretEnc)).toBe(secret);
    expect((await checkTotpCode(db, userId, "000000", { pending: true })).ok).toBe(false);
    const code = await generate({ secret });
    expect(await checkTotpCode(db, userId, code, { pending: true })).toEqual({ ok: true });
    expect(await checkTotpCode(db, userId, code)).toEqual({ ok: false, message: REPLAYED_CODE });
    // Once on, a new enrolment cannot silently replace the key.
    expect(await startTotpEnrolment(db, userId, "x")).toBeNull();
  });

  it("holds a new session at the second step until it is given", async () => {
    const db = getDb();
    const sessionId = await signIn();
    expect((await readSessionAccount(db, sessionId))?.stage).toBe("second-factor");
    const scope = { ...a.practitioner.scope, sessionId, ip: "192.0.2.1" };
    const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    expect(await verifySecondFactor(db, scope, "totp", totpCheck(db, scope.userId, next))).toEqual({ ok: true });
    expect((await readSessionAccount(db, sessionId))?.stage).toBe("ok");
  });

  it("throttles second-factor attempts per account and address", async () => {
    const db = getDb();
    const sessionId = await signIn("192.0.2.50");
    const scope = { ...a.practitioner.scope, sessionId, ip: "192.0.2.50" };
    const results = await Promise.all(Array.from({ length: 12 }, () => verifySecondFactor(db, scope, "totp", totpCheck(db, scope.userId, "999999"))));
    expect(results.filter((r) => !r.ok && r.reason === "invalid").length).toBeLessThanOrEqual(ACCOUNT_LIMIT);
    expect(results.filter((r) => !r.ok && r.reason === "throttled").length).toBeGreaterThanOrEqual(12 - ACCOUNT_LIMIT);
  });

  it("spends each recovery code once, stored only as a digest", async () => {
    const db = getDb();
    const userId = a.practitioner.user.id;
    const codes = await replaceRecoveryCodes(db, userId);
    expect(codes).toHaveLength(10);
    const stored = await db.select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
    expect(stored.some((r) => codes.includes(r.codeHash))).toBe(false);
    const results = await Promise.all([spendRecoveryCode(db, userId, codes[0]!), spendRecoveryCode(db, userId, codes[0]!)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await spendRecoveryCode(db, userId, codes[0]!)).toEqual({ ok: false, message: USED_RECOVERY_CODE });
  });

  it("sends members without a factor to enrolment when the clinic requires one", async () => {
    const db = getDb();
    await db.update(clinics).set({ requireMfa: true }).where(eq(clinics.id, a.clinic.id));
    const r = await verifyCredentials(getConnection(), { email: a.admin.user.email, password: FIXTURE_PASSWORD }, "192.0.2.9");
    expect(r.ok && (await readSessionAccount(db, r.user.sessionId))?.stage).toBe("enrol");
    await db.update(clinics).set({ requireMfa: false }).where(eq(clinics.id, a.clinic.id));
  });

  it("an admin's reset removes the factors and ends every session of the member", async () => {
    const db = getDb();
    const sessionId = await signIn("192.0.2.77");
    expect(await readSessionAccount(db, sessionId)).not.toBeNull();
    await db.transaction((tx) => resetMemberFactors(tx, a.admin.scope, a.practitioner.user.id));
    expect(await readSessionAccount(db, sessionId)).toBeNull();
    expect(await db.select().from(mfaTotp).where(eq(mfaTotp.userId, a.practitioner.user.id))).toHaveLength(0);
    const fresh = await signIn("192.0.2.78");
    const account = await readSessionAccount(db, fresh);
    expect(account?.stage).toBe("ok");
    // The same read carries what the shell shows (getCurrentUser), so a page needs no statement for it.
    expect(account?.profile).toEqual({
      name: a.practitioner.user.name,
      email: a.practitioner.user.email,
      role: "practitioner",
      clinicName: a.clinic.name,
      timeZone: a.clinic.timeZone,
      weightUnit: a.clinic.weightUnit,
    });
    expect(await revokeUserSessions(db, a.practitioner.user.id)).toBeGreaterThanOrEqual(1);
  });

  it("ends a session past its absolute lifetime", async () => {
    const db = getDb();
    const sessionId = await signIn("192.0.2.80");
    const later = new Date(Date.now() + 13 * 3_600_000);
    expect(await readSessionAccount(db, sessionId, later)).toBeNull();
  });
});
