import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { inject } from "vitest";
import { connectPglite, connectPostgres, dropToAppRole, type Connection } from "@/db/client";
import { getEnv } from "@/lib/env";
import { PGLITE_EXTENSIONS } from "@/db/pglite-extensions";

export const DUMP_PATH = path.join(process.cwd(), "tests", ".cache", "pglite-migrated.tar.gz");

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/** The migrated template database the global setup made for this run. */
function templateDatabaseName(): string {
  return inject("templateDatabase");
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * The owner's connection (fixtures write as it, above row-level security) and
 * a way to act as the app's runtime role, as the server does.
 */
export type TestConnection = Connection & { openAsApp: (poolSize?: number) => Promise<Connection> };
export type Target = { name: "pglite" | "postgres"; open: () => Promise<TestConnection> };

const pgliteTarget: Target = {
  name: "pglite",
  open: async () => {
    const dump = new Blob([readFileSync(DUMP_PATH)]);
    const client = await PGlite.create({ loadDataDir: dump, extensions: PGLITE_EXTENSIONS });
    const conn = await connectPglite(client);
    // One connection: the app role holds it until `close` gives it back to the owner.
    const openAsApp = async (): Promise<Connection> => {
      const asApp = await connectPglite(client);
      const owner = (await client.query<{ name: string }>("select current_user as name")).rows[0]!.name;
      await dropToAppRole(asApp, getEnv().APP_DB_ROLE);
      // PGlite's `reset session authorization` stays on the app role: name the owner to go back.
      return { ...asApp, close: async () => void (await client.exec(`set session authorization "${owner.replaceAll('"', '""')}"`)) };
    };
    return { ...conn, openAsApp };
  },
};

function postgresTarget(url: string): Target {
  return {
    name: "postgres",
    open: async () => {
      const name = `plumbline_test_${randomBytes(6).toString("hex")}`;
      const admin = postgres(url, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database "${name}" template "${templateDatabaseName()}"`);
      await admin.end();
      const conn = await connectPostgres(withDatabase(url, name), 4);
      const asApp = new URL(withDatabase(url, name));
      asApp.username = getEnv().APP_DB_ROLE;
      asApp.password = "";
      return {
        ...conn,
        openAsApp: (poolSize = 2) => connectPostgres(asApp.toString(), poolSize),
        close: async () => {
          await conn.close();
          const again = postgres(url, { max: 1, onnotice: () => {} });
          await again.unsafe(`drop database if exists "${name}" with (force)`);
          await again.end();
        },
      };
    },
  };
}

/**
 * The PostgreSQL server the database tests use, as its owner (they create
 * databases and write fixtures across clinics): MIGRATION_DATABASE_URL when
 * the app runs as a least-privilege role (CI), else DATABASE_URL.
 */
export function getOwnerUrl(): string | undefined {
  return process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

/** PGlite always; PostgreSQL too when DATABASE_URL names a server. */
export function getTargets(): Target[] {
  const url = getOwnerUrl();
  return url ? [pgliteTarget, postgresTarget(url)] : [pgliteTarget];
}
