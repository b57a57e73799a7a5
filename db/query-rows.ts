import type { SQL } from "drizzle-orm";
import type { Queryable } from "./client";

/**
 * Runs a hand-written query and returns its rows on either driver (postgres.js
 * answers with an array, PGlite with { rows }). Queries cast their columns to
 * types both drivers parse alike: timestamps as epoch milliseconds (float8),
 * dates as text, counts as int.
 */
export async function queryRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}

