import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { getDb } from "@/db/runtime";
import { users } from "@/db/schema";
import { readClientIp } from "./ip";
import type { Scope } from "./scope-types";

export type { Scope } from "./scope-types";

/**
 * The signed-in account, re-read on every request so a deactivated user,
 * changed role or pending password change takes effect at once, not when the
 * token expires. Cached per request.
 */
const readAccount = cache(async (): Promise<{ scope: Scope; mustChangePassword: boolean } | null> => {
  const session = await auth();
  const id = session?.user?.id;
  const clinicId = session?.user?.clinicId;
  if (!id || !clinicId) return null;
  // The signed token names the clinic: the account is read inside that clinic's scope.
  const db = await getDb({ clinicId });
  const [user] = await db
    .select({
      id: users.id,
      clinicId: users.clinicId,
      role: users.role,
      email: users.email,
      mustChangePassword: users.mustChangePassword,
      sessionsRevokedAt: users.sessionsRevokedAt,
    })
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deactivatedAt)));
  if (!user) return null;
  // A token is only a signed cookie: after sign-out it must stop working even if a copy survives.
  const signedInAt = session.user.signedInAt ?? 0;
  if (user.sessionsRevokedAt && signedInAt <= user.sessionsRevokedAt.getTime()) return null;
  const scope: Scope = { clinicId: user.clinicId, userId: user.id, role: user.role, email: user.email, ip: readClientIp(await headers()) };
  return { scope, mustChangePassword: user.mustChangePassword };
});

/** For routes: the scope of a signed-in account that may act (not one still on its one-time password), or null. */
export async function readScope(): Promise<Scope | null> {
  const account = await readAccount();
  return account && !account.mustChangePassword ? account.scope : null;
}

/**
 * For pages and actions: the scope, or off to sign in. An account still on
 * its one-time password can do nothing but choose a new one (this holds for
 * server actions too, which the proxy never sees).
 */
export async function requireScope(options: { allowPasswordChange?: boolean } = {}): Promise<Scope> {
  const account = await readAccount();
  if (!account) redirect("/login");
  if (account.mustChangePassword && !options.allowPasswordChange) redirect("/change-password");
  return account.scope;
}

/** Admin-only pages and actions answer "not found" to everyone else. */
export async function requireAdminScope(): Promise<Scope> {
  const scope = await requireScope();
  if (scope.role !== "admin") notFound();
  return scope;
}
