import { verify } from "@node-rs/argon2";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { DatabaseAccess } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import { clinics, users } from "@/db/schema";
import { writeSignInAudit } from "@/lib/audit";
import { createAuthSession } from "./sessions";
import { passwordKeys, pruneThrottle, releaseAttempt, reserveAttempt } from "./throttle";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter an email address"),
  password: z.string().min(1, "Enter your password").max(200),
});

export type SignedInUser = {
  id: string;
  email: string;
  name: string;
  role: "admin" | "practitioner";
  clinicId: string;
  clinicName: string;
  mustChangePassword: boolean;
  /** The server-side session this sign-in opened (lib/auth/sessions.ts). */
  sessionId: string;
};

export type VerifyResult = { ok: true; user: SignedInUser } | { ok: false; reason: "invalid" | "throttled" };

export type CredentialDeps = {
  /** The password check; tests wrap the real one to count how often it runs. */
  checkPassword?: (hash: string, password: string) => Promise<boolean>;
};

// A real hash of a random string: unknown emails cost the same time as known ones.
const DECOY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$gkreoEp/yIV+5PA6/KYzpA$axLlGhMbKz0F8oRuSPgDj2PtdGzKzh7XZA/B8c3RwKA";

type SignInAccount = { user_id: string; clinic_id: string; password_hash: string; active: boolean };

const checkWithArgon2 = (hash: string, password: string) => verify(hash, password).catch(() => false);

/**
 * Checks an email and password. The attempt is counted before the password
 * is looked at (lib/auth/throttle.ts), so a burst cannot outrun the limit.
 * Wrong email, wrong password and a deactivated account look the same to
 * the caller, so none of them reveals an account. Before the password is
 * checked no clinic is known: the account is found through sign_in_account
 * (migration 0009), which returns only what the check needs; everything after
 * runs inside that account's clinic scope.
 */
export async function verifyCredentials(access: DatabaseAccess, input: unknown, ip: string | null, deps: CredentialDeps = {}): Promise<VerifyResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const [account] = await queryRows<SignInAccount>(access.db, sql`select * from sign_in_account(${email})`);
  // An unknown email's failures are audited with no clinic, which only an unscoped handle may write.
  const db = account ? await access.forClinic(account.clinic_id) : access.db;
  const who = { email, clinicId: account?.clinic_id ?? null, userId: account?.user_id ?? null, ip };

  // auth_throttle holds no clinic data (no clinic_id, no RLS): any handle counts the attempt.
  const reservation = await reserveAttempt(db, passwordKeys(email, ip));
  if (!reservation.allowed) {
    await writeSignInAudit(db, { action: "login_failed", ...who, reason: "throttled" });
    return { ok: false, reason: "throttled" };
  }

  const passwordOk = await (deps.checkPassword ?? checkWithArgon2)(account?.password_hash ?? DECOY_HASH, password);
  if (!account || !passwordOk || !account.active) {
    const reason = !account ? "unknown email" : !passwordOk ? "wrong password" : "account deactivated";
    await writeSignInAudit(db, { action: "login_failed", ...who, reason });
    return { ok: false, reason: "invalid" };
  }

  const { row, sessionId } = await db.transaction(async (tx) => {
    const [found] = await tx
      .select({ user: users, clinicName: clinics.name })
      .from(users)
      .innerJoin(clinics, eq(clinics.id, users.clinicId))
      .where(eq(users.id, account.user_id));
    if (!found) throw new Error("signed-in account vanished");
    await releaseAttempt(tx, reservation);
    await pruneThrottle(tx);
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, account.user_id));
    await writeSignInAudit(tx, { action: "login", ...who });
    return { row: found, sessionId: await createAuthSession(tx, account.user_id, ip) };
  });
  const { user } = row;
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      clinicId: user.clinicId,
      clinicName: row.clinicName,
      mustChangePassword: user.mustChangePassword,
      sessionId,
    },
  };
}
