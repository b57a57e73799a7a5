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
 * statement costs one round trip: `begin; set local …`, the statement and
 * `commit` are written to one reserved connection back to back and answered
 * together (postgres.js pipelines queries on a connection). A failed
 * statement aborts the transaction and the pipelined `commit` then rolls it
 * back, so the connection always goes back to the pool outside a transaction
 * and with no clinic set: the setting is transaction-local and cannot reach
 * the next user of the connection.
 */
export async function scopePostgres(client: Sql, clinicId: string): Promise<Database> {
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const id = checkClinicId(clinicId);
  // A literal, not a parameter: the id is a checked uuid, and SET takes no parameters (nor needs planning).
  const openScope = `begin; set local app.clinic_id = '${id}'`;
  const inScope = async <T>(query: string, params: unknown[] | undefined, opts: { prepare?: boolean } | undefined, values: boolean): Promise<T> => {
    const r = await client.reserve();
    try {
      // Sent in this order: each query goes out on `execute()` (after one microtask, in call order).
      const setup = r.unsafe(openScope).simple().execute();
      const q = r.unsafe(query, params as never[], opts);
      (values ? q.values() : q).execute();
      const commit = r.unsafe("commit").simple().execute();
      // Every answer is awaited before release, so nothing of this statement is in flight on the connection after.
      const [s, rows, c] = await Promise.allSettled([setup, q, commit]);
      for (const x of [s, rows, c]) if (x.status === "rejected") throw x.reason;
      return (rows as PromiseFulfilledResult<T>).value;
    } finally {
      r.release();
    }
  };
  const scoped = {
    options: client.options,
    unsafe(query: string, params?: unknown[], opts?: { prepare?: boolean }) {
      return {
        values: () => inScope(query, params, opts, true),
        then: (ok: never, fail: never) => inScope(query, params, opts, false).then(ok, fail),
      };
    },
    begin<T>(fn: (t: TransactionSql) => Promise<T>) {
      return client.begin(async (t) => {
        await t.unsafe(`set local app.clinic_id = '${id}'`);
        return { result: await fn(t) };
      }).then((r) => (r as { result: T }).result);
    },
  };
  return drizzle(scoped as unknown as Sql, { schema }) as unknown as Database;
}

/**
 * postgres.js, one unit per request: the first statement reserves a connection
 * and sets the clinic for the session; every later statement and transaction
 * of the request runs on it; `release` resets the setting and gives the
 * connection back. Statements and transactions take turns on the connection.
 */
export async function openPostgresUnit(client: Sql, clinicId: string): Promise<{ db: Database; release: () => Promise<void> }> {
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const id = checkClinicId(clinicId);
  let reserved: Promise<ReservedSql> | null = null;
  let turn: Promise<unknown> = Promise.resolve();
  const connection = () =>
    (reserved ??= client.reserve().then((r) => {
      r.unsafe(`set app.clinic_id = '${id}'`).simple().execute().catch(() => {});
      return r;
    }));
  // One at a time only while a transaction holds the connection; lone statements pipeline freely.
  const lone = async <T>(run: (r: ReservedSql) => Promise<T>): Promise<T> => {
    const r = await connection();
    await turn.catch(() => {});
    return run(r);
  };
  const scoped = {
    options: client.options,
    unsafe(query: string, params?: unknown[], opts?: { prepare?: boolean }) {
      return {
        values: () => lone((r) => r.unsafe(query, params as never[], opts).values()),
        then: (ok: never, fail: never) => lone(async (r) => ({ rows: await r.unsafe(query, params as never[], opts) })).then((x) => x.rows).then(ok, fail),
      };
    },
    begin<T>(fn: (t: TransactionSql) => Promise<T>): Promise<T> {
      const run = async () => {
        const r = await connection();
        let n = 0;
        const tx = (r: ReservedSql) => Object.assign(r, {
          savepoint: async <U>(inner: (t: TransactionSql) => Promise<U>) => {
            const name = `s${n++}`;
            await r.unsafe(`savepoint ${name}`);
            try {
              const out = await inner(tx(r));
              await r.unsafe(`release savepoint ${name}`);
              return out;
            } catch (err) {
              await r.unsafe(`rollback to savepoint ${name}`);
              throw err;
            }
          },
        }) as unknown as TransactionSql;
        await r.unsafe("begin");
        try {
          const out = await fn(tx(r));
          await r.unsafe("commit");
          return out;
        } catch (err) {
          await r.unsafe("rollback");
          throw err;
        }
      };
      const result = turn.catch(() => {}).then(run);
      turn = result;
      return result;
    },
  };
  const release = async () => {
    if (!reserved) return;
    const r = await reserved;
    await turn.catch(() => {});
    await r.unsafe("reset app.clinic_id").simple();
    r.release();
  };
  return { db: drizzle(scoped as unknown as Sql, { schema }) as unknown as Database, release };
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
