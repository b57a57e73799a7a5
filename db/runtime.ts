import { getDataDir, getEnv } from "@/lib/env";
import type { Scope } from "@/lib/auth/scope-types";
import { dropToAppRole, openConfigured, type Connection, type Database } from "./client";
import { countAppliedMigrations, countShippedMigrations, migrateConnection } from "./migrate";
import { describeRuntimeRole, warnAboutRole } from "./runtime-role";
import { isEmptyDatabase, seedDemo } from "./seed";

/**
 * The server's one connection, created on first use and kept on globalThis so
 * dev-mode reloads reuse it (PGlite must have exactly one opener per folder).
 */
type Holder = { __plumblineDb?: Promise<Connection> };
const holder = globalThis as Holder;

async function preparePglite(conn: Connection): Promise<void> {
  await migrateConnection(conn);
  // The demo loads by itself only on the embedded database; PostgreSQL gets
  // it solely through `npm run db:seed`.
  if (await isEmptyDatabase(conn.db)) {
    await seedDemo(conn.db);
    console.log("Loaded the demo clinics into the new embedded database.");
  }
  await dropToAppRole(conn, getEnv().APP_DB_ROLE);
}

/**
 * PostgreSQL: migrate as the owner (MIGRATION_DATABASE_URL) when given; a
 * one-role set-up migrates as itself; a least-privilege role with no owner
 * URL cannot migrate, so it checks the level and refuses to run behind it.
 */
async function preparePostgres(conn: Connection): Promise<void> {
  const env = getEnv();
  const role = await describeRuntimeRole(conn.db);
  const canMigrate = role.superuser || role.ownsTables > 0 || !role.hasTables;
  if (env.MIGRATION_DATABASE_URL || canMigrate) {
    await migrateConnection(conn, env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL);
  } else {
    const [applied, shipped] = [await countAppliedMigrations(conn.db), countShippedMigrations()];
    if (applied < shipped) {
      throw new Error(`The database is at migration ${applied} of ${shipped}: run \`npm run db:migrate\` with MIGRATION_DATABASE_URL set to the owner.`);
    }
  }
  const warning = warnAboutRole(await describeRuntimeRole(conn.db));
  if (warning) console.warn(warning);
}

async function start(): Promise<Connection> {
  const conn = await openConfigured();
  try {
    await (conn.kind === "pglite" ? preparePglite(conn) : preparePostgres(conn));
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

/**
 * The database as the signed-in clinic sees it: every statement runs with
 * that clinic's row-level security setting. Pages, routes and actions take
 * their handle from here, derived from the Scope of the request.
 */
export async function getDb(scope: Pick<Scope, "clinicId">): Promise<Database> {
  return (await getConnection()).forClinic(scope.clinicId);
}

/**
 * The database with no clinic set: every tenant table reads as empty. Only
 * for what comes before a scope exists: sign-in (through sign_in_account),
 * the sign-in throttle, the health check.
 */
export async function getUnscopedDb(): Promise<Database> {
  return (await getConnection()).db;
}
