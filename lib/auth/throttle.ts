import { inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { authThrottle } from "@/db/schema";

// OWASP Authentication Cheat Sheet: throttle per account, and per source so
// one address cannot lock an account out for its owner elsewhere.
export const WINDOW_MINUTES = 15;
/** Attempts on one account (or one account's second factor) from one address per window. */
export const ACCOUNT_LIMIT = 5;
/** Attempts from one address across all accounts per window [U: our choice, 6 accounts' worth]. */
export const ADDRESS_LIMIT = 30;

/** Requests on one patient link per window: each visit is the page and one per picture, so room for about 40 visits [U: our choice]. */
export const LINK_TOKEN_LIMIT = 300;
/** Unknown link tokens from one address per window: guessing [U: our choice, same as ADDRESS_LIMIT]. */
export const LINK_ADDRESS_LIMIT = ADDRESS_LIMIT;

/**
 * `account` is the narrow key (an account, a link), `address` the source's;
 * `limits` overrides the sign-in limits for other uses of the same counters.
 */
export type ThrottleKeys = { account: string; address: string | null; limits?: { account: number; address: number } };

/** Keys for a password attempt: the email at the address, and the address. */
export function passwordKeys(email: string, ip: string | null): ThrottleKeys {
  return { account: `pw:${email}|${ip ?? "-"}`, address: ip ? `ip:${ip}` : null };
}

/** Keys for a second-factor attempt: the user at the address, and the same address budget. */
export function secondFactorKeys(userId: string, ip: string | null): ThrottleKeys {
  return { account: `mfa:${userId}|${ip ?? "-"}`, address: ip ? `ip:${ip}` : null };
}

/**
 * Keys for opening a patient link: the token's hash (never the token), and
 * the address. The link gate gives the address its hit back when the token
 * was a real link, so the address budget counts only guesses.
 */
export function linkKeys(tokenHash: string, ip: string | null): ThrottleKeys {
  return { account: `link:${tokenHash}`, address: ip ? `link-ip:${ip}` : null, limits: { account: LINK_TOKEN_LIMIT, address: LINK_ADDRESS_LIMIT } };
}

export type Reservation = { allowed: boolean; keys: string[] };

/**
 * Counts one attempt against every key in a single upsert and says whether
 * it is within the limits. The row lock of ON CONFLICT serialises concurrent
 * attempts on a key, so however many arrive at once, at most the limit are
 * allowed to go on to check a secret. A window that has passed starts over.
 * An unknown address gets no address budget: it would be shared by everyone.
 */
export async function reserveAttempt(db: Queryable, keys: ThrottleKeys, now = new Date()): Promise<Reservation> {
  const list = [keys.account, ...(keys.address ? [keys.address] : [])];
  const limits = keys.limits ?? { account: ACCOUNT_LIMIT, address: ADDRESS_LIMIT };
  const limitOf = (key: string) => (key === keys.address ? limits.address : limits.account);
  // Dates go into raw SQL as ISO text: postgres.js does not serialise a Date inside sql``.
  const at = now.toISOString();
  const expired = sql`${authThrottle.windowStart} <= ${at}::timestamptz - make_interval(mins => ${WINDOW_MINUTES})`;
  const rows = await db
    .insert(authThrottle)
    .values(list.map((key) => ({ key, windowStart: now, hits: 1 })))
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        hits: sql`case when ${expired} then 1 else ${authThrottle.hits} + 1 end`,
        windowStart: sql`case when ${expired} then ${at}::timestamptz else ${authThrottle.windowStart} end`,
      },
    })
    .returning({ key: authThrottle.key, hits: authThrottle.hits });
  const allowed = rows.every((r) => r.hits <= limitOf(r.key));
  return { allowed, keys: list };
}

/**
 * A successful attempt gives back only its own reservation, so failures that
 * concurrent attempts recorded in the same window still count.
 */
export async function releaseAttempt(db: Queryable, reservation: Reservation): Promise<void> {
  await db
    .update(authThrottle)
    .set({ hits: sql`greatest(${authThrottle.hits} - 1, 0)` })
    .where(inArray(authThrottle.key, reservation.keys));
}

/** Drops windows that have ended, so the table stays small. */
export async function pruneThrottle(db: Queryable, now = new Date()): Promise<void> {
  await db.delete(authThrottle).where(sql`${authThrottle.windowStart} <= ${now.toISOString()}::timestamptz - make_interval(mins => ${WINDOW_MINUTES})`);
}

export const THROTTLED_MESSAGE = `Too many failed attempts: sign-in is paused for up to ${WINDOW_MINUTES} minutes. Try again later or ask your clinic's admin.`;
