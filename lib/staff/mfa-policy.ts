import { eq } from "drizzle-orm";
import type { Queryable, Transaction } from "@/db/client";
import { clinics, mfaRecoveryCodes, mfaTotp, passkeys } from "@/db/schema";
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

/** The clinic rule "every staff member needs a second factor"; members without one enrol at their next request. */
export async function setRequireMfa(tx: Transaction, scope: Scope, requireMfa: boolean): Promise<void> {
  const rows = await tx.update(clinics).set({ requireMfa }).where(eq(clinics.id, scope.clinicId)).returning({ id: clinics.id });
  if (rows.length === 0) throw new Error("clinic vanished");
  await writeAudit(tx, scope, { action: "update", entity: "clinic", entityId: scope.clinicId, detail: { change: "require second factor", to: requireMfa } });
}

export async function readRequireMfa(db: Queryable, scope: Scope): Promise<boolean> {
  const [row] = await db.select({ requireMfa: clinics.requireMfa }).from(clinics).where(eq(clinics.id, scope.clinicId));
  return row?.requireMfa ?? false;
}
