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
 * The scope of the signed-in user, or null. The account is re-read on every
 * request so a deactivated user or changed role takes effect at once, not
 * when their token expires. Cached per request.
 */
export const readScope = cache(async (): Promise<Scope | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id, clinicId: users.clinicId, role: users.role, email: users.email })
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deactivatedAt)));
  if (!user) return null;
  return { clinicId: user.clinicId, userId: user.id, role: user.role, email: user.email, ip: readClientIp(await headers()) };
});

/** For pages and actions: the scope, or off to sign in. */
export async function requireScope(): Promise<Scope> {
  const scope = await readScope();
  if (!scope) redirect("/login");
  return scope;
}

/** Admin-only pages and actions answer "not found" to everyone else. */
export async function requireAdminScope(): Promise<Scope> {
  const scope = await requireScope();
  if (scope.role !== "admin") notFound();
  return scope;
}
