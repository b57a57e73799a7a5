import { getDataDir, getEnv } from "@/lib/env";
import { openConfigured, type Connection, type Database } from "./client";
import { migrateConnection } from "./migrate";
import { isEmptyDatabase, seedDemo } from "./seed";

/**
 * The server's one connection, created on first use and kept on globalThis so
 * dev-mode reloads reuse it (PGlite must have exactly one opener per folder).
 */
type Holder = { __plumblineDb?: Promise<Connection> };
const holder = globalThis as Holder;

async function start(): Promise<Connection> {
  const env = getEnv();
  const conn = await openConfigured();
  try {
    await migrateConnection(conn, env.DATABASE_URL);
    // The demo loads by itself only on the embedded database; PostgreSQL gets
    // it solely through `npm run db:seed`.
    if (conn.kind === "pglite" && (await isEmptyDatabase(conn.db))) {
      await seedDemo(conn.db);
      console.log("Loaded the demo clinics into the new embedded database.");
    }
  } catch (err) {
    await conn.close();
    throw err;
  }
  const where = conn.kind === "pglite" ? `embedded PGlite in ${getDataDir()}` : "PostgreSQL (DATABASE_URL)";
  console.log(`Database ready: ${where}`);
  return conn;
}

export function getConnection(): Promise<Connection> {
  holder.__plumblineDb ??= start().catch((err: unknown) => {
    holder.__plumblineDb = undefined;
    throw err;
  });
  return holder.__plumblineDb;
}

export async function getDb(): Promise<Database> {
  return (await getConnection()).db;
}
