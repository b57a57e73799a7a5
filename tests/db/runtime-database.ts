import { afterAll, beforeAll } from "vitest";
import type { Connection } from "@/db/client";

type Holder = { __plumblineDb?: Promise<Connection> };

/**
 * Points db/runtime's one connection (getDb, as pages and actions call it) at
 * a test database, so the real actions run against it; the server's own start
 * (migrate, seed, the data folder) is skipped because the database is ready.
 */
export function useRuntimeDatabase(getConnection: () => Connection): void {
  const holder = globalThis as Holder;
  let before: Holder["__plumblineDb"];
  beforeAll(() => {
    before = holder.__plumblineDb;
    holder.__plumblineDb = Promise.resolve(getConnection());
  });
  afterAll(() => {
    holder.__plumblineDb = before;
  });
}
