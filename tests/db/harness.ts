import { afterAll, beforeAll, describe } from "vitest";
import type { Database } from "@/db/client";
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
