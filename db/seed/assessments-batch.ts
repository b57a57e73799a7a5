import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../client";

// About 500 rows per statement keeps each insert well under the bind-parameter limit
const BATCH = 500;

/** Inserts rows in a few large statements instead of one per row (the demo must load in seconds). */
export async function insertInBatches<T extends PgTable>(db: Database, table: T, rows: T["$inferInsert"][]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db.insert(table).values(rows.slice(i, i + BATCH));
  }
}
