"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { AuthenticationResponseJSON, PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { getDb } from "@/db/runtime";
import { formToObject, readFormValues, toFieldErrors } from "@/lib/actions/form-data";
import type { ActionState } from "@/lib/actions/state";
import { writeAudit } from "@/lib/audit";
import { getCurrentUser } from "@/lib/auth/current-user";
import { markSecondFactor } from "@/lib/auth/sessions";
import { requirePendingSecondFactor, requireScope, type Scope } from "@/lib/auth/scope";
import { authenticatePasskey, buildAuthenticationOptions, buildRegistrationOptions, deletePasskey, registerPasskey } from "./passkeys";
import { replaceRecoveryCodes, spendRecoveryCode } from "./recovery-codes";
import { readRelyingParty } from "./relying-party";
import { nextPathSchema, passkeyIdSchema, passkeyNameSchema, recoveryCodeSchema, totpCodeSchema, webauthnResponseSchema } from "./schemas";
import { verifySecondFactor } from "./second-factor";
import { checkTotpCode, startTotpEnrolment, type TotpEnrolment } from "./totp";

/** Enrolment happens signed in, or in the forced step a clinic's rule sends a member to. */
const requireEnrolScope = () => requireScope({ allowEnrolment: true });

// ---- The second step of sign-in -------------------------------------------

export async function verifyCodeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const scope = await requirePendingSecondFactor();
  const values = readFormValues(formData);
  const method = formData.get("method") === "recovery" ? "recovery" : "totp";
  const parsed = (method === "recovery" ? recoveryCodeSchema : totpCodeSchema).safeParse(formToObject(formData));
  if (!parsed.success) return { ok: false, errors: toFieldErrors(parsed.error), values };
  const db = await getDb(scope);
  const code = parsed.data.code;
  const result = await verifySecondFactor(db, scope, method, () =>
    method === "recovery" ? spendRecoveryCode(db, scope.userId, code) : checkTotpCode(db, scope.userId, code),
  );
  if (!result.ok) return { ok: false, message: result.message, errors: { code: [result.message] }, values: { ...values, code: "" } };
  redirect(nextPathSchema.parse(values.next));
}

export type PasskeyOptionsResult = { ok: true; options: PublicKeyCredentialRequestOptionsJSON } | { ok: false; message: string };

export async function startPasskeySignInAction(): Promise<PasskeyOptionsResult> {
  const scope = await requirePendingSecondFactor();
  const rp = readRelyingParty(await headers());
  if (!rp || !scope.sessionId) return { ok: false, message: "Passkeys need the page opened at the site's own address." };
  const db = await getDb(scope);
  const options = await buildAuthenticationOptions(db, { userId: scope.userId, sessionId: scope.sessionId }, rp);
  return options ? { ok: true, options } : { ok: false, message: "This account has no passkey. Use your authenticator app or a recovery code." };
}

export async function finishPasskeySignInAction(response: unknown, next: unknown): Promise<{ ok: false; message: string } | undefined> {
  const scope = await requirePendingSecondFactor();
  const parsed = webauthnResponseSchema.safeParse(response);
  const rp = readRelyingParty(await headers());
  if (!parsed.success || !rp || !scope.sessionId) return { ok: false, message: "The passkey's answer could not be read. Try again." };
  const db = await getDb(scope);
  const sessionId = scope.sessionId;
  const result = await verifySecondFactor(db, scope, "passkey", async () =>
    (await authenticatePasskey(db, { userId: scope.userId, sessionId }, rp, parsed.data as unknown as AuthenticationResponseJSON))
      ? { ok: true }
      : { ok: false, message: "The passkey was not accepted. Try again, or use your authenticator app." },
  );
  if (!result.ok) return { ok: false, message: result.message };
  redirect(nextPathSchema.parse(typeof next === "string" ? next : undefined));
}

// ---- Enrolment and management ---------------------------------------------

export type TotpStartResult = { ok: true; enrolment: TotpEnrolment } | { ok: false; message: string };

export async function startTotpEnrolmentAction(): Promise<TotpStartResult> {
  const scope = await requireEnrolScope();
  const db = await getDb(scope);
  const enrolment = await startTotpEnrolment(db, scope.userId, scope.email);
  return enrolment ? { ok: true, enrolment } : { ok: false, message: "Your authenticator app is already turned on." };
}

export type TotpConfirmState = ActionState & { recoveryCodes?: string[] };

export async function confirmTotpEnrolmentAction(_prev: TotpConfirmState, formData: FormData): Promise<TotpConfirmState> {
  const scope = await requireEnrolScope();
  const parsed = totpCodeSchema.safeParse(formToObject(formData));
  if (!parsed.success) return { ok: false, errors: toFieldErrors(parsed.error) };
  const db = await getDb(scope);
  const checked = await checkTotpCode(db, scope.userId, parsed.data.code, { pending: true });
  if (!checked.ok) return { ok: false, errors: { code: [checked.message] } };
  const recoveryCodes = await db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, scope.userId);
    // Giving a correct code just now is this session's second factor.
    if (scope.sessionId) await markSecondFactor(tx, scope.sessionId);
    await writeAudit(tx, scope, { action: "update", entity: "user", entityId: scope.userId, detail: { change: "authenticator app enabled" } });
    return codes;
  });
  revalidatePath("/", "layout");
  return { ok: true, message: "Authenticator app turned on.", recoveryCodes };
}

export async function regenerateRecoveryCodesAction(): Promise<TotpConfirmState> {
  const scope = await requireScope();
  const db = await getDb(scope);
  const recoveryCodes = await db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, scope.userId);
    await writeAudit(tx, scope, { action: "update", entity: "user", entityId: scope.userId, detail: { change: "recovery codes replaced" } });
    return codes;
  });
  revalidatePath("/", "layout");
  return { ok: true, message: "New recovery codes: the old ones no longer work.", recoveryCodes };
}

export type PasskeyRegistrationStart = { ok: true; options: PublicKeyCredentialCreationOptionsJSON } | { ok: false; message: string; errors?: ActionState["errors"] };

async function passkeyAccount(scope: Scope) {
  const user = await getCurrentUser(scope);
  return { userId: scope.userId, email: scope.email, name: user.name, sessionId: scope.sessionId ?? "" };
}

export async function startPasskeyRegistrationAction(name: unknown): Promise<PasskeyRegistrationStart> {
  const scope = await requireEnrolScope();
  const parsed = passkeyNameSchema.safeParse({ name });
  if (!parsed.success) return { ok: false, message: "Name the passkey first.", errors: toFieldErrors(parsed.error) };
  const rp = readRelyingParty(await headers());
  if (!rp || !scope.sessionId) return { ok: false, message: "Passkeys need the page opened at the site's own address." };
  const db = await getDb(scope);
  return { ok: true, options: await buildRegistrationOptions(db, await passkeyAccount(scope), rp) };
}

export async function finishPasskeyRegistrationAction(name: unknown, response: unknown): Promise<ActionState> {
  const scope = await requireEnrolScope();
  const parsedName = passkeyNameSchema.safeParse({ name });
  if (!parsedName.success) return { ok: false, errors: toFieldErrors(parsedName.error) };
  const parsed = webauthnResponseSchema.safeParse(response);
  const rp = readRelyingParty(await headers());
  if (!parsed.success || !rp || !scope.sessionId) return { ok: false, message: "The passkey's answer could not be read. Try again." };
  const db = await getDb(scope);
  const account = await passkeyAccount(scope);
  const saved = await registerPasskey(db, account, rp, parsed.data as unknown as RegistrationResponseJSON, parsedName.data.name);
  if (!saved) return { ok: false, message: "The passkey was not accepted. Try again." };
  await db.transaction(async (tx) => {
    await markSecondFactor(tx, account.sessionId);
    await writeAudit(tx, scope, { action: "update", entity: "user", entityId: scope.userId, detail: { change: "passkey added", name: parsedName.data.name } });
  });
  revalidatePath("/", "layout");
  return { ok: true, message: `Passkey “${parsedName.data.name}” added.` };
}

export async function deletePasskeyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const scope = await requireScope();
  const parsed = passkeyIdSchema.safeParse(formToObject(formData));
  if (!parsed.success) return { ok: false, message: "Passkey not found." };
  const db = await getDb(scope);
  const removed = await db.transaction(async (tx) => {
    const ok = await deletePasskey(tx, scope.userId, parsed.data.id);
    if (ok) await writeAudit(tx, scope, { action: "delete", entity: "passkey", entityId: parsed.data.id });
    return ok;
  });
  revalidatePath("/", "layout");
  return removed ? { ok: true, message: "Passkey removed." } : { ok: false, message: "Passkey not found." };
}
