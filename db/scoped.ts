import type { PGlite, Transaction as PgliteTx } from "@electric-sql/pglite";
import type { ReservedSql, Sql, TransactionSql } from "postgres";
import * as schema from "./schema";
import type { Database } from "./client";

/**
 * Database handles bound to one clinic: every statement runs in a transaction
 * whose first act is `set_config('app.clinic_id', clinicId, true)`, so the
 * row-level security policies (migration 0009) admit that clinic's rows and no
 * other's. A lone query gets its own short transaction; `db.transaction(fn)`
 * sets the clinic once and everything inside sees it. Feature code never
 * sets the clinic itself: it receives a handle from `getDb(scope)`.
 */
const SET_CLINIC = "select set_config('app.clinic_id', $1, true)";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function checkClinicId(clinicId: string): string {
  // A malformed id would make every policy throw; refuse it here with a clear message.
  if (!UUID.test(clinicId)) throw new Error("scoped database needs a clinic uuid");
  return clinicId;
}

/**
 * postgres.js: a stand-in client that drizzle drives like the real one. A lone
 * statement costs two round trips: `begin; set_config(…)` goes as one simple
 * query pipelined with the statement (it carries no parameters, so
 * postgres.js sends it first and in order), then `commit`.
 */
export async function scopePostgres(client: Sql, clinicId: string): Promise<Database> {
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const id = checkClinicId(clinicId);
  // A literal, not a parameter: the id is a checked uuid, and a parameter would make postgres.js describe it first.
  const openScope = `begin; select set_config('app.clinic_id', '${id}', true)`;
  const inScope = async <T>(run: (r: ReservedSql) => Promise<T>): Promise<T> => {
    const r = await client.reserve();
    try {
      // Queries go out when first awaited or executed: send the scope before the statement.
      const setup = r.unsafe(openScope).simple().execute();
      const [, result] = await Promise.all([setup, run(r)]);
      await r.unsafe("commit");
      return result;
    } catch (err) {
      await r.unsafe("rollback").catch(() => {});
      throw err;
    } finally {
      r.release();
    }
  };
  const scoped = {
    options: client.options,
    unsafe(query: string, params?: unknown[], opts?: { prepare?: boolean }) {
      const run = (values: boolean) =>
        inScope(async (r) => {
          const q = r.unsafe(query, params as never[], opts);
          // Wrapped: a bare row list would lose its fields through Promise.all.
          return { rows: values ? await q.values() : await q };
        }).then((x) => x.rows);
      return { values: () => run(true), then: (ok: never, fail: never) => run(false).then(ok, fail) };
    },
    begin<T>(fn: (t: TransactionSql) => Promise<T>) {
      return client.begin(async (t) => {
        await t.unsafe(SET_CLINIC, [id]);
        return { result: await fn(t) };
      }).then((r) => (r as { result: T }).result);
    },
  };
  return drizzle(scoped as unknown as Sql, { schema }) as unknown as Database;
}

/** PGlite: the same, over its one connection. */
export async function scopePglite(client: PGlite, clinicId: string): Promise<Database> {
  const { drizzle } = await import("drizzle-orm/pglite");
  const id = checkClinicId(clinicId);
  const transaction = <T>(fn: (tx: PgliteTx) => Promise<T>) =>
    client.transaction(async (tx) => {
      await tx.query(SET_CLINIC, [id]);
      return fn(tx);
    });
  const scoped = {
    query: (query: string, params?: unknown[], opts?: object) => transaction((tx) => tx.query(query, params, opts)),
    transaction,
  };
  return drizzle(scoped as unknown as PGlite, { schema }) as unknown as Database;
}

/** One handle per clinic, made on first use (a handful of clinics per installation). */
export function cacheByClinic(make: (clinicId: string) => Promise<Database>): (clinicId: string) => Promise<Database> {
  const cache = new Map<string, Promise<Database>>();
  return (clinicId) => {
    let db = cache.get(clinicId);
    if (!db) {
      if (cache.size >= 1000) cache.clear();
      db = make(clinicId);
      cache.set(clinicId, db);
    }
    return db;
  };
}
