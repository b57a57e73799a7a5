import type { PGlite } from "@electric-sql/pglite";

/**
 * pg-boss's custom `db` for PGlite (found by trying pg-boss 12.38.0): a
 * parameterised statement goes through query(); pg-boss's multi-statement
 * scripts (no parameters) through exec(), returning every statement's rows, as
 * pg-boss requires (its advisory-lock row comes first). Not yet the app's queue:
 * see the README (Email).
 */
export function pgliteBossDb(pg: PGlite) {
  return {
    executeSql: async (text: string, values?: unknown[]) => {
      if (!values || values.length === 0) {
        const results = (await pg.exec(text)).map((r) => ({ rows: r.rows }));
        return results.length === 1 ? results[0]! : results;
      }
      const r = await pg.query(text, values as never[]);
      return { rows: r.rows };
    },
  };
}
