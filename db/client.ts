import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import { getDataDir, getEnv } from "@/lib/env";
import { lockDataDir } from "./lock";
import { installQueryErrorScrubbing } from "./query-errors";
import * as schema from "./schema";

export type Schema = typeof schema;
/** Either driver: PGlite (embedded) or postgres.js. Feature code sees only this. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Query functions accept the database or an open transaction. */
export type Queryable = Database | Transaction;

// Failed queries never carry their parameters out of the database layer (db/query-errors.ts).
installQueryErrorScrubbing();

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export type Connection = {
  db: Database;
  kind: "pglite" | "postgres";
  close: () => Promise<void>;
};

export async function connectPostgres(url: string, max = 10): Promise<Connection> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client: Sql = postgres(url, { max, onnotice: () => {} });
  const db = drizzle(client, { schema }) as unknown as Database;
  return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
}

export async function connectPglite(client: PGlite, release?: () => Promise<void>): Promise<Connection> {
  const { drizzle } = await import("drizzle-orm/pglite");
  const db = drizzle(client, { schema }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    close: async () => {
      await client.close();
      await release?.();
    },
  };
}

/** Opens the embedded database in `dir`, holding the folder lock until close. */
export async function openPgliteDir(dir: string): Promise<Connection> {
  const release = await lockDataDir(dir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const client = await PGlite.create({ dataDir: path.join(dir, "pgdata") });
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
