import type { PGlite } from "@electric-sql/pglite";
import type { Db, PgBoss } from "pg-boss";
import type { Sql } from "postgres";

/**
 * The job queue is pg-boss on the app's own database, on both engines: its
 * tables live in the `pgboss` schema beside the app's. The schema is installed
 * (and upgraded) here, by the owner, as part of every migration; at run time
 * the app's role only reads and writes the queue's rows (db/grants.ts), so
 * pg-boss runs there with migrate and createSchema off.
 */
export const JOB_SCHEMA = "pgboss";
/** The queues the app works; created by the migration, never at run time. */
export const JOB_QUEUES = { mail: "mail" } as const;

export type JobBackend = "postgres" | "pglite";

/**
 * pg-boss's database interface over a postgres.js client: a statement with
 * parameters as one prepared statement; pg-boss's scripts without parameters
 * (several statements, some wrapped in BEGIN ... COMMIT) as one simple query,
 * whose results postgres.js returns as one list per statement (flattened, as
 * pg-boss's own pg driver does).
 */
export function postgresJobDb(client: Sql): Db {
  return {
    executeSql: async (text, values) => {
      // A Date bound where the server infers text would reach postgres.js's text encoder as an object: send ISO text.
      if (values && values.length > 0) return { rows: [...(await client.unsafe(text, values.map((v) => (v instanceof Date ? v.toISOString() : v)) as never[]))] };
      const result = (await client.unsafe(text).simple()) as unknown as unknown[];
      const lists = result.length > 0 && result.every((r) => Array.isArray(r)) ? (result as unknown[][]) : [result];
      return { rows: lists.flat() };
    },
  };
}

/** pg-boss's own adapter for PGlite (multi-statement scripts through exec, the rest through query). */
export async function pgliteJobDb(client: PGlite): Promise<Db> {
  const { fromPglite } = await import("pg-boss");
  return fromPglite(client);
}

/**
 * A pg-boss instance for the runtime role: no DDL (no schema creation, no
 * migration, no index rebuilds, no stats partitions), no cron. Supervision
 * stays on: it retries jobs whose worker died mid-attempt and deletes old
 * finished jobs, both plain row changes.
 */
export async function createJobBoss(db: Db, backend: JobBackend): Promise<PgBoss> {
  const { PgBoss } = await import("pg-boss");
  return new PgBoss({
    db,
    backend,
    schema: JOB_SCHEMA,
    migrate: false,
    createSchema: false,
    supervise: true,
    reindex: false,
    persistQueueStats: false,
    persistWarnings: false,
    monitorVacuum: false,
    schedule: false,
  });
}

/**
 * Installs or upgrades the pgboss schema and creates the app's queues. Runs as
 * the owner inside the migration (db/migrate.ts), before the grants.
 */
export async function installJobQueue(db: Db, backend: JobBackend): Promise<void> {
  const { PgBoss } = await import("pg-boss");
  const boss = new PgBoss({ db, backend, schema: JOB_SCHEMA, migrate: true, createSchema: true, supervise: false, schedule: false, registerInstance: false });
  const errors: unknown[] = [];
  boss.on("error", (e) => errors.push(e));
  await boss.start();
  try {
    for (const name of Object.values(JOB_QUEUES)) {
      if (!(await boss.getQueue(name))) await boss.createQueue(name);
    }
  } finally {
    await boss.stop({ graceful: false, close: false });
  }
  if (errors.length > 0) throw new Error(`job queue install failed: ${(errors[0] as Error).message ?? String(errors[0])}`);
}
