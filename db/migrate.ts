import { sql } from "drizzle-orm";
import type { Sql } from "postgres";
import { readFileSync } from "node:fs";
import path from "node:path";
import { MIGRATIONS_FOLDER, type Connection, type Database } from "./client";
import { applyAppGrants } from "./grants";
import { installJobQueue, postgresJobDb } from "./job-queue";
import { queryRows } from "./query-rows";

// Any constant works; it only has to be the same for every instance.
const MIGRATION_LOCK_KEY = 4_817_230_611;

/**
 * Applies pending migrations, installs or upgrades the job queue's schema
 * (db/job-queue.ts), then (re)grants the runtime role (APP_DB_ROLE).
 * Idempotent; on PostgreSQL a session advisory lock on a dedicated connection
 * serialises instances that start together. `url` is the owner's (migrating) URL.
 */
export async function migrateConnection(conn: Connection, url?: string): Promise<void> {
  if (conn.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(conn.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    await installJobQueue(await conn.jobDb(), "pglite");
    await applyAppGrants(conn.db);
    return;
  }
  if (!url) throw new Error("migrateConnection needs the PostgreSQL URL");
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const single: Sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await single`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    const db = drizzle(single);
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    await installJobQueue(postgresJobDb(single), "postgres");
    await applyAppGrants(db as unknown as Database);
    await single`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await single.end({ timeout: 5 });
  }
}

/** How many migrations the code ships (the drizzle journal). */
export function countShippedMigrations(): number {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
  return journal.entries.length;
}

/** How many the database has applied (the runtime role may read the ledger, nothing more). */
export async function countAppliedMigrations(db: Database): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return row?.n ?? 0;
}
