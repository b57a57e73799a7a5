import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { mfaTotp, passkeys } from "@/db/schema";
import { countUnusedRecoveryCodes } from "./recovery-codes";
import { listPasskeys } from "./passkeys";

export type FactorSummary = {
  totpEnabled: boolean;
  recoveryCodesLeft: number;
  passkeys: Awaited<ReturnType<typeof listPasskeys>>;
};

export async function getFactorSummary(db: Queryable, userId: string): Promise<FactorSummary> {
  const [totp] = await db.select({ enabledAt: mfaTotp.enabledAt }).from(mfaTotp).where(and(eq(mfaTotp.userId, userId), isNotNull(mfaTotp.enabledAt)));
  return { totpEnabled: Boolean(totp), recoveryCodesLeft: await countUnusedRecoveryCodes(db, userId), passkeys: await listPasskeys(db, userId) };
}

/** Which of these users hold a second factor (TOTP enabled or a passkey), for the staff list. */
export async function listUsersWithFactor(db: Queryable, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ id: mfaTotp.userId })
    .from(mfaTotp)
    .where(and(inArray(mfaTotp.userId, userIds), isNotNull(mfaTotp.enabledAt)))
    .union(db.select({ id: passkeys.userId }).from(passkeys).where(inArray(passkeys.userId, userIds)));
  return new Set(rows.map((r) => r.id));
}


export async function hasSecondFactor(db: Queryable, userId: string): Promise<boolean> {
  return (await listUsersWithFactor(db, [userId])).has(userId);
}
