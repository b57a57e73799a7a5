import type { ReservedSql, Sql, TransactionSql } from "postgres";
import type { Database } from "@/db/client";
import * as schema from "@/db/schema";

/**
 * The scoped handle as issue 9 first merged it (commit f299cec, db/scoped.ts),
 * kept here only so `npm run bench:rls` can show before and after in one run:
 * each lone statement in its own transaction with `select set_config(…, true)`,
 * two round trips (`begin; set_config` pipelined with the statement, then `commit`).
 */
export async function scopePostgresBefore(client: Sql, clinicId: string): Promise<Database> {
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const openScope = `begin; select set_config('app.clinic_id', '${clinicId.replace(/[^0-9a-f-]/gi, "")}', true)`;
  const inScope = async <T>(run: (r: ReservedSql) => Promise<T>): Promise<T> => {
    const r = await client.reserve();
    try {
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
          return { rows: values ? await q.values() : await q };
        }).then((x) => x.rows);
      return { values: () => run(true), then: (ok: never, fail: never) => run(false).then(ok, fail) };
    },
    begin<T>(fn: (t: TransactionSql) => Promise<T>) {
      return client
        .begin(async (t) => {
          await t.unsafe("select set_config('app.clinic_id', $1, true)", [clinicId]);
          return { result: await fn(t) };
        })
        .then((r) => (r as { result: T }).result);
    },
  };
  return drizzle(scoped as unknown as Sql, { schema }) as unknown as Database;
}
