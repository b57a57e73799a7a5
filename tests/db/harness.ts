import { afterAll, beforeAll, describe } from "vitest";
import type { Database } from "@/db/client";
import { getTargets } from "./targets";

/**
 * Runs a suite once per database target, each on its own fresh database
 * (a PGlite restored from the migrated dump, or a cloned PostgreSQL database).
 */
export function describeEachDatabase(title: string, body: (getDb: () => Database) => void) {
  for (const target of getTargets()) {
    describe(`${title} [${target.name}]`, () => {
      let conn: Awaited<ReturnType<typeof target.open>> | undefined;
      beforeAll(async () => {
        conn = await target.open();
      });
      afterAll(async () => {
        await conn?.close();
      });
      body(() => {
        if (!conn) throw new Error("database not open yet");
        return conn.db;
      });
    });
  }
}
