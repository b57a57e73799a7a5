"use server";

import { hash, verify } from "@node-rs/argon2";
import { eq, sql } from "drizzle-orm";
import { AuthError } from "next-auth";
import { redirect, unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { signIn, signOut, unstable_update } from "@/auth";
import { queryRows } from "@/db/query-rows";
import { getDb, getUnscopedDb } from "@/db/runtime";
import { clinics, users } from "@/db/schema";
import { formToObject, readFormValues, toFieldErrors } from "@/lib/actions/form-data";
import type { ActionState } from "@/lib/actions/state";
import { writeAudit } from "@/lib/audit";
import { requireScope } from "./scope";
import { signInSchema } from "./credentials";
import { ARGON2_OPTIONS } from "./password-options";
import { explainWeakPassword, newPasswordSchema } from "./password-policy";
import { readSafeNextPath } from "./safe-next";
import { revokeUserSessions } from "./sessions";
import { THROTTLED_MESSAGE } from "./throttle";
import { hasSecondFactor } from "@/lib/mfa/queries";
import { SECOND_FACTOR_PATH } from "./scope";

export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = readFormValues(formData);
  const parsed = signInSchema.safeParse(formToObject(formData));
  if (!parsed.success) return { ok: false, errors: toFieldErrors(parsed.error), values };
  const next = readSafeNextPath(values.next);
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (err) {
    if (err instanceof AuthError) {
      const code = (err as AuthError & { code?: string }).code;
      const message = code === "throttled" ? THROTTLED_MESSAGE : "Email or password is incorrect.";
      return { ok: false, message, values };
    }
    throw err;
  }
  // An account on its one-time password goes straight to choosing its own.
  const [account] = await queryRows<{ user_id: string; clinic_id: string; must_change_password: boolean }>(
    await getUnscopedDb(),
    sql`select user_id, clinic_id, must_change_password from sign_in_account(${parsed.data.email})`,
  );
  // The password was only the first step where the account holds a second factor.
  if (account && (await hasSecondFactor(await getDb({ clinicId: account.clinic_id }), account.user_id))) {
    redirect(`${SECOND_FACTOR_PATH}?next=${encodeURIComponent(next)}`);
  }
  redirect(account?.must_change_password ? "/change-password" : next);
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}

const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, "Enter your current password"), newPassword: newPasswordSchema, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one" });

export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const scope = await requireScope({ allowPasswordChange: true });
  const parsed = changePasswordSchema.safeParse(formToObject(formData));
  if (!parsed.success) return { ok: false, errors: toFieldErrors(parsed.error) };
  const db = await getDb(scope);
  const [user] = await db.select().from(users).where(eq(users.id, scope.userId));
  if (!user || !(await verify(user.passwordHash, parsed.data.currentPassword))) {
    return { ok: false, errors: { currentPassword: ["The current password is incorrect"] } };
  }
  const [clinic] = await db.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, user.clinicId));
  const weak = explainWeakPassword(parsed.data.newPassword, { name: user.name, email: user.email, clinicName: clinic?.name ?? "" });
  if (weak) return { ok: false, errors: { newPassword: [weak] } };
  const passwordHash = await hash(parsed.data.newPassword, ARGON2_OPTIONS);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, scope.userId));
    // Whoever else held a session (a stolen cookie, a forgotten tablet) is signed out; this one stays.
    const ended = await revokeUserSessions(tx, scope.userId, scope.sessionId);
    await writeAudit(tx, scope, { action: "update", entity: "user", entityId: scope.userId, detail: { fields: ["password"], otherSessionsEnded: ended } });
  });
  try {
    // The cookie's copy of the must-change flag is what the proxy reads.
    await unstable_update({ mustChangePassword: false } as never);
  } catch (err) {
    unstable_rethrow(err);
    throw err;
  }
  redirect("/");
}
