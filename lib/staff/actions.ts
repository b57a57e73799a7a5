"use server";

import { hash } from "@node-rs/argon2";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/runtime";
import type { ActionState } from "@/lib/actions/state";
import { validatedAction } from "@/lib/actions/validated";
import { ARGON2_OPTIONS } from "@/lib/auth/password-options";
import { addStaffMember, changeStaffRole, generateOneTimePassword, resetStaffPassword, setStaffActive } from "./mutations";
import { resetMemberFactors, setRequireMfa } from "./mfa-policy";
import { ROLE_LABELS, addStaffSchema, changeRoleSchema, requireMfaSchema, resetFactorsSchema, resetPasswordSchema, setActiveSchema } from "./schemas";

/** The add form's state also carries the one-time password, shown to the admin once. */
export type AddStaffState = ActionState & { created?: { name: string; email: string; oneTimePassword: string } };

const addStaff = validatedAction(
  addStaffSchema,
  async (input, scope) => {
    const oneTimePassword = generateOneTimePassword();
    // Hash before the transaction: argon2 is slow and needs no lock.
    const passwordHash = await hash(oneTimePassword, ARGON2_OPTIONS);
    const db = await getDb(scope);
    await db.transaction((tx) => addStaffMember(tx, scope, input, passwordHash));
    revalidatePath("/settings/staff");
    const created = { name: input.name, email: input.email, oneTimePassword };
    return { ok: true, message: `${input.name} can now sign in.`, created } satisfies AddStaffState;
  },
  { admin: true },
);

export async function addStaffAction(prev: AddStaffState, formData: FormData): Promise<AddStaffState> {
  return addStaff(prev, formData);
}

export const changeRoleAction = validatedAction(
  changeRoleSchema,
  async ({ id, role }, scope) => {
    const db = await getDb(scope);
    await db.transaction((tx) => changeStaffRole(tx, scope, id, role));
    revalidatePath("/settings/staff");
    return { ok: true, message: `Role changed to ${ROLE_LABELS[role].toLowerCase()}.` };
  },
  { admin: true },
);

export const setStaffActiveAction = validatedAction(
  setActiveSchema,
  async ({ id, active }, scope) => {
    const db = await getDb(scope);
    await db.transaction((tx) => setStaffActive(tx, scope, id, active));
    revalidatePath("/settings/staff");
    return { ok: true, message: active ? "Account reactivated: they can sign in again." : "Account deactivated: they can no longer sign in. Their records stay." };
  },
  { admin: true },
);

const resetPassword = validatedAction(
  resetPasswordSchema,
  async ({ id }, scope) => {
    const oneTimePassword = generateOneTimePassword();
    const passwordHash = await hash(oneTimePassword, ARGON2_OPTIONS);
    const db = await getDb(scope);
    const member = await db.transaction((tx) => resetStaffPassword(tx, scope, id, passwordHash));
    revalidatePath("/settings/staff");
    return { ok: true, message: `${member.name} has a new one-time password.`, created: { ...member, oneTimePassword } } satisfies AddStaffState;
  },
  { admin: true },
);

export async function resetStaffPasswordAction(prev: AddStaffState, formData: FormData): Promise<AddStaffState> {
  return resetPassword(prev, formData);
}

export const resetFactorsAction = validatedAction(
  resetFactorsSchema,
  async ({ id }, scope) => {
    const db = await getDb(scope);
    const member = await db.transaction((tx) => resetMemberFactors(tx, scope, id));
    revalidatePath("/settings/staff");
    return { ok: true, message: `${member.name}'s second step is cleared and their sessions ended. They set one up again at next sign-in.` };
  },
  { admin: true },
);

export const setRequireMfaAction = validatedAction(
  requireMfaSchema,
  async ({ requireMfa }, scope) => {
    const db = await getDb(scope);
    await db.transaction((tx) => setRequireMfa(tx, scope, requireMfa));
    revalidatePath("/", "layout");
    return {
      ok: true,
      message: requireMfa ? "A second step is now required: staff without one set it up at their next visit." : "A second step is now optional.",
    };
  },
  { admin: true },
);
