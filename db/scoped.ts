import type { PGlite, Transaction as PgliteTx } from "@electric-sql/pglite";
import type { Sql, TransactionSql } from "postgres";
import * as schema from "./schema";
import type { Database } from "./client";

/**
 * Database handles bound to one clinic: every statement runs in a transaction
 * whose first act sets `app.clinic_id` for that transaction only (`set local`,
 * or `set_config(…, true)` on PGlite), so the
 * row-level security policies (migration 0009) admit that clinic's rows and no
 * other's. A lone query gets its own short transaction; `db.transaction(fn)`
 * sets the clinic once and everything inside sees it. Feature code never
 * sets the clinic itself: it receives a handle from `getDb(scope)`.
 *
 * Why per statement and not one unit per request: a request-scoped handle
 * (a connection reserved at the first statement, the clinic set for the
 * session, `RESET` on release after the response) was built and measured
 * (`npm run bench:rls`, docs/benchmarks-rls.md) and was slower at the
 * benchmark's 32 callers on a pool of 10: it holds its connection through all
 * the work between statements, so requests queue for connections. It is also
 * the riskier one: a session setting outlives its request unless every path
 * resets it (an aborted stream, a crash between statement and reset), and a
 * connection held per request caps concurrent requests at the pool size. A
 * transaction-local setting cannot leak, needs no end-of-request hook, and
 * with `begin`, statement and `commit` pipelined costs no extra round trip.
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
 * statement costs one round trip once its prepared form is known on that
 * connection: `begin; set local …`, the statement and `commit` are written to
 * one reserved connection back to back and answered together (postgres.js
 * pipelines queries on a connection). A failed
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
      // Prepared (postgres.js caches it per connection by its text and types): an unprepared statement
      // with parameters goes out as parse and describe first and waits for the answer before it can run,
      // which would break the pipeline into three round trips. Drizzle asks for unprepared (`prepare: false`).
      const q = r.unsafe(query, params as never[], { ...opts, prepare: true });
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
        // Pipelined ahead of the transaction's first statement; postgres.js rethrows its error, if any, from begin.
        const setup = t.unsafe(`set local app.clinic_id = '${id}'`).execute();
        const result = await fn(t);
        await setup;
        return { result };
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
