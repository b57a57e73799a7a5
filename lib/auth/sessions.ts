import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { authSessions, clinics, mfaTotp, passkeys, users, type Role } from "@/db/schema";
import { getEnv } from "@/lib/env";

/** What a session may do: everything, or only give its second factor, or only enrol one. */
export type SessionStage = "ok" | "second-factor" | "enrol";

export type SessionAccount = {
  sessionId: string;
  userId: string;
  clinicId: string;
  role: Role;
  email: string;
  mustChangePassword: boolean;
  stage: SessionStage;
  /** What the shell and forms show of the account and its clinic (lib/auth/current-user.ts). */
  profile: AccountProfile;
};

export type AccountProfile = {
  name: string;
  email: string;
  role: Role;
  clinicName: string;
  timeZone: string;
  weightUnit: (typeof clinics.$inferSelect)["weightUnit"];
};

const maxAgeMs = () => getEnv().AUTH_MAX_HOURS * 3_600_000;

export async function createAuthSession(db: Queryable, userId: string, ip: string | null): Promise<string> {
  const [row] = await db.insert(authSessions).values({ userId, ip }).returning({ id: authSessions.id });
  if (!row) throw new Error("session insert returned no row");
  return row.id;
}

/** Conditions under which a session row still stands: not revoked, within its absolute lifetime. */
const liveSession = (sessionId: string, now: Date) =>
  and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt), gt(authSessions.createdAt, new Date(now.getTime() - maxAgeMs())));

/**
 * The account behind a live session and what the session may do yet, or
 * null once the session has been ended, has outlived AUTH_MAX_HOURS or its
 * account is deactivated. An account holding a factor must have given it in
 * this session; a clinic that requires one sends members without any to
 * enrolment.
 */
export async function readSessionAccount(db: Queryable, sessionId: string | undefined, now = new Date()): Promise<SessionAccount | null> {
  if (!sessionId || !/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const hasTotp = sql<boolean>`exists (select 1 from ${mfaTotp} where ${mfaTotp.userId} = ${users.id} and ${mfaTotp.enabledAt} is not null)`;
  const hasPasskey = sql<boolean>`exists (select 1 from ${passkeys} where ${passkeys.userId} = ${users.id})`;
  const [row] = await db
    .select({
      userId: users.id,
      clinicId: users.clinicId,
      role: users.role,
      email: users.email,
      mustChangePassword: users.mustChangePassword,
      secondFactorAt: authSessions.secondFactorAt,
      requireMfa: clinics.requireMfa,
      hasTotp,
      hasPasskey,
      name: users.name,
      clinicName: clinics.name,
      timeZone: clinics.timeZone,
      weightUnit: clinics.weightUnit,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .where(and(liveSession(sessionId, now), isNull(users.deactivatedAt)));
  if (!row) return null;
  const hasFactor = Boolean(row.hasTotp) || Boolean(row.hasPasskey);
  const stage: SessionStage = hasFactor && !row.secondFactorAt ? "second-factor" : !hasFactor && row.requireMfa ? "enrol" : "ok";
  const profile = { name: row.name, email: row.email, role: row.role, clinicName: row.clinicName, timeZone: row.timeZone, weightUnit: row.weightUnit };
  return { sessionId, userId: row.userId, clinicId: row.clinicId, role: row.role, email: row.email, mustChangePassword: row.mustChangePassword, stage, profile };
}

/** Records that this session has given its second factor. */
export async function markSecondFactor(db: Queryable, sessionId: string): Promise<void> {
  await db.update(authSessions).set({ secondFactorAt: new Date() }).where(eq(authSessions.id, sessionId));
}

export async function revokeSession(db: Queryable, sessionId: string): Promise<void> {
  await db.update(authSessions).set({ revokedAt: new Date() }).where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)));
}

/** Ends every session of the user except `keepSessionId` (the one that made the change), if given. */
export async function revokeUserSessions(db: Queryable, userId: string, keepSessionId?: string): Promise<number> {
  const rows = await db
    .update(authSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt), keepSessionId ? ne(authSessions.id, keepSessionId) : undefined))
    .returning({ id: authSessions.id });
  return rows.length;
}

/** Sessions of the user that are still open, for tests and the account page. */
export async function countOpenSessions(db: Queryable, userId: string, now = new Date()): Promise<number> {
  const rows = await db
    .select({ id: authSessions.id })
    .from(authSessions)
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt), gt(authSessions.createdAt, new Date(now.getTime() - maxAgeMs()))));
  return rows.length;
}

