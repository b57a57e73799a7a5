import { randomInt } from "node:crypto";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { clinics, users, type Role } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { isUniqueViolation } from "@/lib/db-errors";
import type { Scope } from "@/lib/auth/scope-types";
import { RuleError } from "@/lib/errors";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { countOtherActiveAdmins, getStaffMember, isEmailTaken } from "./queries";
import type { AddStaffInput } from "./schemas";

// No 0/o, 1/l/i: the admin reads this aloud or copies it by hand.
const READABLE = "abcdefghjkmnpqrstuvwxyz23456789";
const DUPLICATE_EMAIL = "This email already belongs to an account. Each person needs their own email address.";
const LAST_ADMIN = "The clinic must keep at least one active admin. Make someone else an admin first.";

/** Four groups of four, e.g. "k7mq-3xtp-9wne-h4rd": about 79 bits from a CSPRNG. */
export function generateOneTimePassword(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => READABLE[randomInt(READABLE.length)]).join(""));
  return groups.join("-");
}

/**
 * Staff changes lock the clinic row first so two admins acting at once
 * cannot both pass the last-admin check (e.g. each demoting the other).
 * NO KEY UPDATE leaves inserts referencing the clinic unblocked.
 */
async function lockClinicStaff(tx: Transaction, scope: Scope): Promise<void> {
  await tx.select({ id: clinics.id }).from(clinics).where(eq(clinics.id, scope.clinicId)).for("no key update");
}

/** Adds a staff member who must choose their own password at first sign-in. */
export async function addStaffMember(tx: Transaction, scope: Scope, input: AddStaffInput, passwordHash: string): Promise<string> {
  if (await isEmailTaken(tx, input.email)) throw new RuleError(DUPLICATE_EMAIL, "email");
  const rows = await tx
    .insert(users)
    .values({ clinicId: scope.clinicId, email: input.email, name: input.name, role: input.role, passwordHash, mustChangePassword: true })
    .returning({ id: users.id })
    .catch((err: unknown) => {
      // Another admin added the same email between the check and the insert.
      if (isUniqueViolation(err)) throw new RuleError(DUPLICATE_EMAIL, "email");
      throw err;
    });
  const id = rows[0]?.id;
  if (!id) throw new Error("insert returned no row");
  await writeAudit(tx, scope, { action: "create", entity: "user", entityId: id, detail: { email: input.email, role: input.role } });
  return id;
}

export async function changeStaffRole(tx: Transaction, scope: Scope, id: string, role: Role): Promise<void> {
  await lockClinicStaff(tx, scope);
  const member = await getStaffMember(tx, scope, id);
  if (member.role === role) return;
  if (id === scope.userId) throw new RuleError("You cannot remove your own admin role. Ask another admin to do it.", "role");
  if (member.role === "admin" && !member.deactivatedAt && (await countOtherActiveAdmins(tx, scope, id)) === 0) {
    throw new RuleError(LAST_ADMIN, "role");
  }
  await tx.update(users).set({ role }).where(and(eq(users.id, id), eq(users.clinicId, scope.clinicId)));
  await writeAudit(tx, scope, { action: "update", entity: "user", entityId: id, detail: { change: "role", from: member.role, to: role } });
}

/** Deactivation only stops sign-in; everything the person recorded stays. */
export async function setStaffActive(tx: Transaction, scope: Scope, id: string, active: boolean): Promise<void> {
  await lockClinicStaff(tx, scope);
  const member = await getStaffMember(tx, scope, id);
  if (!active && id === scope.userId) throw new RuleError("You cannot deactivate your own account. Ask another admin to do it.");
  if (!active && member.role === "admin" && (await countOtherActiveAdmins(tx, scope, id)) === 0) throw new RuleError(LAST_ADMIN);
  const rows = await tx
    .update(users)
    .set({ deactivatedAt: active ? null : new Date() })
    .where(and(eq(users.id, id), eq(users.clinicId, scope.clinicId), active ? isNotNull(users.deactivatedAt) : isNull(users.deactivatedAt)))
    .returning({ id: users.id });
  if (rows.length === 0) return; // already in the requested state
  await writeAudit(tx, scope, { action: "update", entity: "user", entityId: id, detail: { change: active ? "reactivated" : "deactivated" } });
}

/**
 * A forgotten password: the admin issues a new one-time password. The old
 * password stops working and every open session of that person ends.
 */
export async function resetStaffPassword(tx: Transaction, scope: Scope, id: string, passwordHash: string): Promise<{ name: string; email: string }> {
  const member = await getStaffMember(tx, scope, id);
  if (id === scope.userId) throw new RuleError("Change your own password from Settings instead.");
  await tx
    .update(users)
    .set({ passwordHash, mustChangePassword: true })
    .where(and(eq(users.id, id), eq(users.clinicId, scope.clinicId)));
  await revokeUserSessions(tx, id);
  await writeAudit(tx, scope, { action: "update", entity: "user", entityId: id, detail: { change: "password reset" } });
  return { name: member.name, email: member.email };
}
