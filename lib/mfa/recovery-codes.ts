import { randomInt } from "node:crypto";
import { and, count, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { mfaRecoveryCodes } from "@/db/schema";
import { digestCode } from "./secret-box";

export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: read from paper and typed by hand.
const READABLE = "abcdefghjkmnpqrstuvwxyz23456789";

/** "xxxxx-xxxxx": ten characters from a 31-letter alphabet, about 50 bits. */
function generateRecoveryCode(): string {
  const pick = () => Array.from({ length: 5 }, () => READABLE[randomInt(READABLE.length)]).join("");
  return `${pick()}-${pick()}`;
}

/** Replaces the user's codes with ten new ones; returns them in clear, to be shown once. */
export async function replaceRecoveryCodes(db: Queryable, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  await db.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await db.insert(mfaRecoveryCodes).values(codes.map((code) => ({ userId, codeHash: digestCode(code) })));
  return codes;
}

export const WRONG_RECOVERY_CODE = "That recovery code is not one of yours. Check it against your saved list.";
export const USED_RECOVERY_CODE = "That recovery code has already been used. Each code works once: use another from your list.";

/** Spends a code: one UPDATE, so two requests with the same code cannot both succeed. */
export async function spendRecoveryCode(db: Queryable, userId: string, code: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const rows = await db
    .update(mfaRecoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(mfaRecoveryCodes.userId, userId), eq(mfaRecoveryCodes.codeHash, digestCode(code)), isNull(mfaRecoveryCodes.usedAt)))
    .returning({ userId: mfaRecoveryCodes.userId });
  if (rows.length === 1) return { ok: true };
  const [used] = await db
    .select({ usedAt: mfaRecoveryCodes.usedAt })
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.userId, userId), eq(mfaRecoveryCodes.codeHash, digestCode(code))));
  return { ok: false, message: used ? USED_RECOVERY_CODE : WRONG_RECOVERY_CODE };
}

export async function countUnusedRecoveryCodes(db: Queryable, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt)));
  return row?.n ?? 0;
}
