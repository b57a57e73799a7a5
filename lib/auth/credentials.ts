import { verify } from "@node-rs/argon2";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { clinics, users } from "@/db/schema";
import { writeSignInAudit } from "@/lib/audit";
import { clearFailures, isThrottled, recordFailure } from "./throttle";

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
};

export type VerifyResult = { ok: true; user: SignedInUser } | { ok: false; reason: "invalid" | "throttled" };

// A real hash of a random string: unknown emails cost the same time as known ones.
const DECOY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$gkreoEp/yIV+5PA6/KYzpA$axLlGhMbKz0F8oRuSPgDj2PtdGzKzh7XZA/B8c3RwKA";

/**
 * Checks an email and password. Wrong email, wrong password and a deactivated
 * account look the same to the caller, so none of them reveals an account.
 */
export async function verifyCredentials(db: Database, input: unknown, ip: string | null): Promise<VerifyResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const [row] = await db
    .select({ user: users, clinicName: clinics.name })
    .from(users)
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .where(eq(sql`lower(${users.email})`, email));

  if (await isThrottled(db, email)) {
    await writeSignInAudit(db, { action: "login_failed", email, clinicId: row?.user.clinicId ?? null, userId: row?.user.id ?? null, ip, reason: "throttled" });
    return { ok: false, reason: "throttled" };
  }

  const passwordOk = await verify(row?.user.passwordHash ?? DECOY_HASH, password).catch(() => false);
  if (!row || !passwordOk || row.user.deactivatedAt) {
    await db.transaction(async (tx) => {
      await recordFailure(tx, email);
      const reason = !row ? "unknown email" : !passwordOk ? "wrong password" : "account deactivated";
      await writeSignInAudit(tx, { action: "login_failed", email, clinicId: row?.user.clinicId ?? null, userId: row?.user.id ?? null, ip, reason });
    });
    return { ok: false, reason: "invalid" };
  }

  const { user } = row;
  await db.transaction(async (tx) => {
    await clearFailures(tx, email);
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
    await writeSignInAudit(tx, { action: "login", email, clinicId: user.clinicId, userId: user.id, ip });
  });
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
    },
  };
}
