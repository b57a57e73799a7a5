import type { Database } from "@/db/client";
import { writeAudit } from "@/lib/audit";
import { markSecondFactor } from "@/lib/auth/sessions";
import type { Scope } from "@/lib/auth/scope-types";
import { releaseAttempt, reserveAttempt, secondFactorKeys } from "@/lib/auth/throttle";
import { spendRecoveryCode } from "./recovery-codes";
import { checkTotpCode } from "./totp";

import type { CodeCheck } from "./totp";

export type SecondFactorResult = { ok: true } | { ok: false; reason: "invalid" | "throttled"; message: string };

export const SECOND_FACTOR_THROTTLED = "Too many failed attempts: the second step is paused for up to 15 minutes. Use another method later or ask your clinic's admin.";

/**
 * Checks a second factor for a session that has given its password. Like
 * the password, each attempt is counted before the check (5 per account and
 * address in the window, sharing the address budget), and only a success
 * gives its reservation back. `check` is the factor's own test.
 */
export async function verifySecondFactor(db: Database, scope: Scope, method: "totp" | "recovery" | "passkey", check: () => Promise<CodeCheck>): Promise<SecondFactorResult> {
  const reservation = await reserveAttempt(db, secondFactorKeys(scope.userId, scope.ip ?? null));
  if (!reservation.allowed) {
    await writeAudit(db, scope, { action: "login_failed", entity: "session", reason: "second factor throttled", detail: { method } });
    return { ok: false, reason: "throttled", message: SECOND_FACTOR_THROTTLED };
  }
  const checked = await check();
  if (!checked.ok) {
    await writeAudit(db, scope, { action: "login_failed", entity: "session", reason: "wrong second factor", detail: { method } });
    return { ok: false, reason: "invalid", message: checked.message };
  }
  await db.transaction(async (tx) => {
    await releaseAttempt(tx, reservation);
    if (scope.sessionId) await markSecondFactor(tx, scope.sessionId);
    await writeAudit(tx, scope, { action: "login", entity: "session", reason: "second factor", detail: { method } });
  });
  return { ok: true };
}

export const totpCheck = (db: Database, userId: string, code: string) => () => checkTotpCode(db, userId, code);
export const recoveryCheck = (db: Database, userId: string, code: string) => () => spendRecoveryCode(db, userId, code);
