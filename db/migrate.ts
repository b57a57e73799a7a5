import type { Sql } from "postgres";
import { MIGRATIONS_FOLDER, type Connection } from "./client";

// Any constant works; it only has to be the same for every instance.
const MIGRATION_LOCK_KEY = 4_817_230_611;

/**
 * Applies pending migrations. Idempotent; on PostgreSQL a session advisory
 * lock on a dedicated connection serialises instances that start together.
 */
export async function migrateConnection(conn: Connection, url?: string): Promise<void> {
  if (conn.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(conn.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  if (!url) throw new Error("migrateConnection needs the PostgreSQL URL");
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const single: Sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await single`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migrate(drizzle(single), { migrationsFolder: MIGRATIONS_FOLDER });
    await single`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await single.end({ timeout: 5 });
  }
}

