import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { readClientIp } from "./ip";
import { readLiveAccount } from "./live-account";
import type { SessionStage } from "./sessions";
import type { Scope } from "./scope-types";

export type { Scope } from "./scope-types";

export const SECOND_FACTOR_PATH = "/login/verify";
export const ENROL_PATH = "/setup-second-factor";

type Account = { scope: Scope; mustChangePassword: boolean; stage: SessionStage };

/**
 * The signed-in account, re-read from its server-side session on every
 * request, so a sign-out elsewhere, a deactivation, a changed role, a pending
 * password change or a missing second factor takes effect at once, not when
 * the token expires. Cached per request.
 */
const readAccount = cache(async (): Promise<Account | null> => {
  const session = await auth();
  const id = session?.user?.id;
  const clinicId = session?.user?.clinicId;
  if (!id || !clinicId) return null;
  // The signed token names the clinic: the session and its account are read inside that clinic's scope,
  // once per render (the jwt callback behind auth() has just asked the same).
  const account = await readLiveAccount(clinicId, session.user.sessionId);
  if (!account || account.userId !== id) return null;
  const scope: Scope = {
    clinicId: account.clinicId,
    userId: account.userId,
    role: account.role,
    email: account.email,
    ip: readClientIp(await headers()),
    sessionId: account.sessionId,
  };
  return { scope, mustChangePassword: account.mustChangePassword, stage: account.stage };
});

/** For routes: the scope of a session that may act (second factor given, own password chosen), or null. */
export async function readScope(): Promise<Scope | null> {
  const account = await readAccount();
  return account && !account.mustChangePassword && account.stage === "ok" ? account.scope : null;
}

/**
 * For pages and actions: the scope, or off to the step the session still
 * owes. In order: the second factor (if the account has one), the account's
 * own password (if on a one-time one), enrolment (if the clinic requires a
 * factor and the account has none). This holds for server actions too,
 * which the proxy never sees.
 */
export async function requireScope(options: { allowPasswordChange?: boolean; allowEnrolment?: boolean } = {}): Promise<Scope> {
  const account = await readAccount();
  if (!account) redirect("/login");
  if (account.stage === "second-factor") redirect(SECOND_FACTOR_PATH);
  if (account.mustChangePassword && !options.allowPasswordChange) redirect("/change-password");
  if (account.stage === "enrol" && !options.allowEnrolment && !options.allowPasswordChange) redirect(ENROL_PATH);
  return account.scope;
}

/** For the second-factor step only: the session that has given its password but not yet its factor. */
export async function requirePendingSecondFactor(): Promise<Scope> {
  const account = await readAccount();
  if (!account) redirect("/login");
  if (account.stage !== "second-factor") redirect("/");
  return account.scope;
}

/** The stage of the current session, for pages that show different things per step. */
export async function readSessionStage(): Promise<{ stage: SessionStage; mustChangePassword: boolean } | null> {
  const account = await readAccount();
  return account ? { stage: account.stage, mustChangePassword: account.mustChangePassword } : null;
}

/** Admin-only pages and actions answer "not found" to everyone else. */
export async function requireAdminScope(): Promise<Scope> {
  const scope = await requireScope();
  if (scope.role !== "admin") notFound();
  return scope;
}
