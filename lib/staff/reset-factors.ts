import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { mfaRecoveryCodes, mfaTotp, passkeys } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { revokeUserSessions } from "@/lib/auth/sessions";
import type { Scope } from "@/lib/auth/scope-types";
import { RuleError } from "@/lib/errors";
import { getStaffMember } from "./queries";

/**
 * An admin clears a member's second factors (lost phone, lost key): TOTP,
 * recovery codes and passkeys go, and every session of theirs ends, so the
 * next sign-in starts over (and enrols again where the clinic requires it).
 */
export async function resetMemberFactors(tx: Transaction, scope: Scope, id: string): Promise<{ name: string }> {
  const member = await getStaffMember(tx, scope, id);
  if (id === scope.userId) throw new RuleError("Manage your own sign-in methods from your security page.");
  await tx.delete(mfaTotp).where(eq(mfaTotp.userId, id));
  await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, id));
  const removed = await tx.delete(passkeys).where(eq(passkeys.userId, id)).returning({ id: passkeys.id });
  const ended = await revokeUserSessions(tx, id);
  await writeAudit(tx, scope, { action: "update", entity: "user", entityId: id, detail: { change: "second factors reset", passkeysRemoved: removed.length, sessionsEnded: ended } });
  return { name: member.name };
}
