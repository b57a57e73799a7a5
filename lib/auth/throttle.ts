import { and, count, eq, gte, lt } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { loginFailures } from "@/db/schema";

// Five failures for one email within 15 minutes lock that email for 15 minutes
// (issue 2; in line with OWASP's advice to throttle per account, not per IP).
export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;

const windowStart = (now: Date) => new Date(now.getTime() - WINDOW_MINUTES * 60_000);

export async function isThrottled(db: Queryable, email: string, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.email, email), gte(loginFailures.at, windowStart(now))));
  return (row?.n ?? 0) >= MAX_FAILURES;
}

export async function recordFailure(db: Queryable, email: string, now = new Date()): Promise<void> {
  await db.insert(loginFailures).values({ email, at: now });
  // Keep the table small: nothing older than the window matters.
  await db.delete(loginFailures).where(and(eq(loginFailures.email, email), lt(loginFailures.at, windowStart(now))));
}

export async function clearFailures(db: Queryable, email: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.email, email));
}
