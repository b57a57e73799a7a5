import { afterAll, beforeAll, describe } from "vitest";
import { sql } from "drizzle-orm";
import type { Connection, Database } from "@/db/client";
import { getTargets, type Target, type TestConnection } from "./targets";

/**
 * Runs a suite once per database target, each on its own fresh database
 * (a PGlite restored from the migrated dump, or a cloned PostgreSQL database).
 */
export function describeEachDatabase(
  title: string,
  body: (getDb: () => Database, getConnection: () => TestConnection, target: Target["name"]) => void,
) {
  for (const target of getTargets()) {
    describe(`${title} [${target.name}]`, () => {
      let conn: Awaited<ReturnType<typeof target.open>> | undefined;
      beforeAll(async () => {
        conn = await target.open();
      });
      afterAll(async () => {
        await conn?.close();
      });
      const open = () => {
        if (!conn) throw new Error("database not open yet");
        return conn;
      };
      body(() => open().db, open, target.name);
    });
  }
}

/**
 * Runs `fn` on a fresh connection as the runtime role, under row-level
 * security, as the routes and jobs do; closes it after. PGlite has one
 * connection, which changes role meanwhile, so fixtures are written before
 * and read after, never inside; it also ignores the harness's `reset session
 * authorization`, so the owner is named again there (reported rather than
 * changed in tests/db/targets.ts).
 */
export function appRunner(getDb: () => Database, getConnection: () => TestConnection, target: Target["name"]) {
  return async function withApp<T>(fn: (app: Connection) => Promise<T>, poolSize = 2): Promise<T> {
    const app = await getConnection().openAsApp(poolSize);
    try {
      return await fn(app);
    } finally {
      await app.close();
      if (target === "pglite") await getDb().execute(sql`set session authorization postgres`);
    }
  };
}
