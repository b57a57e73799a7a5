import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { Db as JobDb } from "pg-boss";
import type { Sql } from "postgres";
import { getDataDir, getEnv, getMigrationUrl } from "@/lib/env";
import { postgresJobDb, pgliteJobDb } from "./job-queue";
import { lockDataDir } from "./lock";
import { installQueryErrorScrubbing } from "./query-errors";
import * as schema from "./schema";
import { cacheByClinic, scopePglite, scopePostgres } from "./scoped";
import { PGLITE_EXTENSIONS } from "./pglite-extensions";

export type Schema = typeof schema;
/** Either driver: PGlite (embedded) or postgres.js. Feature code sees only this. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Query functions accept the database or an open transaction. */
export type Queryable = Database | Transaction;

// Failed queries never carry their parameters out of the database layer (db/query-errors.ts).
installQueryErrorScrubbing();

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** What code before a scope needs (sign-in): the unscoped handle and a way into one clinic. */
export type DatabaseAccess = {
  /** As connected, with no clinic set: sees no tenant row once row-level security applies. */
  db: Database;
  /** The same connection with every statement inside that clinic's scope (db/scoped.ts). */
  forClinic: (clinicId: string) => Promise<Database>;
};

export type Connection = DatabaseAccess & {
  kind: "pglite" | "postgres";
  /** The same connection as pg-boss's database (db/job-queue.ts): the job queue shares the app's pool or PGlite. */
  jobDb: () => Promise<JobDb>;
  close: () => Promise<void>;
};

/** Limits for the app's pool; the statement limit is configurable (DB_STATEMENT_TIMEOUT_MS). */
export function readPoolLimits() {
  return {
    connectTimeoutS: 5,
    statementTimeoutMs: getEnv().DB_STATEMENT_TIMEOUT_MS,
    // A transaction left open (a crashed request) must not hold locks for long.
    idleInTransactionMs: 30_000,
    idleTimeoutS: 60,
    // Recycled every half hour so a failover or a server-side limit change is picked up.
    maxLifetimeS: 30 * 60,
  };
}

export type PoolLimits = ReturnType<typeof readPoolLimits>;

export async function connectPostgres(url: string, max = 10, limits: PoolLimits = readPoolLimits()): Promise<Connection> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client: Sql = postgres(url, {
    max,
    onnotice: () => {},
    connect_timeout: limits.connectTimeoutS,
    idle_timeout: limits.idleTimeoutS,
    max_lifetime: limits.maxLifetimeS,
    connection: {
      application_name: "plumbline",
      statement_timeout: limits.statementTimeoutMs,
      idle_in_transaction_session_timeout: limits.idleInTransactionMs,
    },
  });
  const db = drizzle(client, { schema }) as unknown as Database;
  const forClinic = cacheByClinic((clinicId) => scopePostgres(client, clinicId));
  return { db, forClinic, kind: "postgres", jobDb: async () => postgresJobDb(client), close: () => client.end({ timeout: 5 }) };
}

export async function connectPglite(client: PGlite, release?: () => Promise<void>): Promise<Connection> {
  const { drizzle } = await import("drizzle-orm/pglite");
  const db = drizzle(client, { schema }) as unknown as Database;
  const forClinic = cacheByClinic((clinicId) => scopePglite(client, clinicId));
  return {
    db,
    forClinic,
    kind: "pglite",
    jobDb: () => pgliteJobDb(client),
    close: async () => {
      await client.close();
      await release?.();
    },
  };
}

/**
 * PGlite connects as a superuser, which row-level security never holds. After
 * migrating (as that owner) the embedded server drops to the runtime role for
 * the rest of the session, so the same policies apply as on PostgreSQL.
 */
export async function dropToAppRole(conn: Connection, role: string): Promise<void> {
  if (conn.kind !== "pglite") throw new Error("dropToAppRole is for the embedded database");
  const { sql: raw } = await import("drizzle-orm");
  await conn.db.execute(raw`set session authorization ${raw.identifier(role)}`);
}

/** Opens the embedded database in `dir`, holding the folder lock until close. */
export async function openPgliteDir(dir: string): Promise<Connection> {
  const release = await lockDataDir(dir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const client = await PGlite.create({ dataDir: path.join(dir, "pgdata"), extensions: PGLITE_EXTENSIONS });
    return connectPglite(client, release);
  } catch (err) {
    await release();
    throw err;
  }
}

/** The connection this process's configuration names: DATABASE_URL, else PGlite. */
export async function openConfigured(): Promise<Connection> {
  const { DATABASE_URL } = getEnv();
  return DATABASE_URL ? connectPostgres(DATABASE_URL) : openPgliteDir(getDataDir());
}

/**
 * The owner's connection, for scripts that change the schema or load data
 * across clinics (migrate, seed): MIGRATION_DATABASE_URL, else DATABASE_URL, else PGlite.
 */
export async function openAsOwner(): Promise<Connection> {
  const url = getMigrationUrl();
  return url ? connectPostgres(url) : openPgliteDir(getDataDir());
}
