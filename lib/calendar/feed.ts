import { createHash, randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { DatabaseAccess, Queryable, Transaction } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import { calendarFeeds, clinics } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { buildCalendarFeed } from "./ics";
import { listCalendarEntries, listTreatmentTables } from "./queries";

/** The path a feed is served on; the token is its only credential. */
export const FEED_PATH = "/api/calendar-feed";
// The feed covers 30 days back and 120 ahead [U: house choice].
const BACK_DAYS = 30;
const AHEAD_DAYS = 120;

export const hashFeedToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function getFeedStatus(db: Queryable, scope: Scope): Promise<{ active: boolean; createdAt: Date | null }> {
  const [row] = await db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.clinicId, scope.clinicId), eq(calendarFeeds.userId, scope.userId), eq(calendarFeeds.active, true)));
  return { active: Boolean(row), createdAt: row?.createdAt ?? null };
}

/** Revokes the acting user's feed, if any; true if one was active. */
export async function revokeFeed(tx: Transaction, scope: Scope): Promise<boolean> {
  const rows = await tx
    .update(calendarFeeds)
    .set({ active: false, revokedAt: new Date() })
    .where(and(eq(calendarFeeds.clinicId, scope.clinicId), eq(calendarFeeds.userId, scope.userId), eq(calendarFeeds.active, true)))
    .returning({ id: calendarFeeds.id });
  if (rows[0]) await writeAudit(tx, scope, { action: "update", entity: "calendar_feed", entityId: rows[0].id, detail: { revoked: true } });
  return rows.length > 0;
}

/** A new private feed for the acting user (any old one is revoked). The token is returned once and stored only as its hash. */
export async function createFeed(tx: Transaction, scope: Scope): Promise<string> {
  await revokeFeed(tx, scope);
  const token = randomBytes(32).toString("base64url");
  const [row] = await tx.insert(calendarFeeds).values({ clinicId: scope.clinicId, userId: scope.userId, tokenHash: hashFeedToken(token) }).returning({ id: calendarFeeds.id });
  await writeAudit(tx, scope, { action: "create", entity: "calendar_feed", entityId: row?.id });
  return token;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The feed a token opens, or null (unknown, revoked, malformed, or its owner
 * deactivated: all look the same). The token's hash names the clinic through
 * calendar_feed_owner (a security-definer lookup); only then is the clinic set.
 */
export async function renderFeed(access: DatabaseAccess, token: string, host: string, now = new Date()): Promise<string | null> {
  if (!TOKEN.test(token)) return null;
  const [owner] = await queryRows<{ clinic_id: string; user_id: string }>(access.db, sql`select clinic_id, user_id from calendar_feed_owner(${hashFeedToken(token)})`);
  if (!owner) return null;
  const db = await access.forClinic(owner.clinic_id);
  const scope: Scope = { clinicId: owner.clinic_id, userId: owner.user_id, role: "practitioner", email: "" };
  const day = 24 * 3600_000;
  const [entries, tables, [clinic]] = await Promise.all([
    listCalendarEntries(db, scope, { from: new Date(now.getTime() - BACK_DAYS * day), to: new Date(now.getTime() + AHEAD_DAYS * day), practitionerId: owner.user_id }),
    listTreatmentTables(db, scope, { archived: true }),
    db.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, owner.clinic_id)),
  ]);
  return buildCalendarFeed({ clinicName: clinic?.name ?? "Clinic", host, entries, tableNames: new Map(tables.map((t) => [t.id, t.name])) });
}
