import { sql } from "drizzle-orm";
import { getEnv } from "@/lib/env";
import type { Database } from "./client";
import { JOB_SCHEMA } from "./job-queue";
import { queryRows } from "./query-rows";


// Tables the app only appends to and reads: never changed or removed.
// auth_throttle keeps its full read/write (no TRUNCATE): sign-in counts, releases
// and prunes its windows before any clinic is known; it holds no clinic data.
const APPEND_ONLY = ["audit_event"];

/**
 * The job queue (pg-boss, db/job-queue.ts): the runtime role sends, fetches
 * and settles jobs (rows only) and calls pg-boss's functions; it creates
 * nothing. Future pgboss tables are covered too: this runs after every migration.
 */
async function grantJobQueue(db: Database, r: ReturnType<typeof sql.identifier>): Promise<void> {
  const schema = sql.identifier(JOB_SCHEMA);
  await db.execute(sql`revoke create on schema ${schema} from public`);
  await db.execute(sql`grant usage on schema ${schema} to ${r}`);
  await db.execute(sql`revoke all on all tables in schema ${schema} from ${r}`);
  await db.execute(sql`grant select, insert, update, delete on all tables in schema ${schema} to ${r}`);
  await db.execute(sql`grant usage, select on all sequences in schema ${schema} to ${r}`);
  await db.execute(sql`grant execute on all functions in schema ${schema} to ${r}`);
}

/**
 * Creates the runtime role if it is missing and gives it exactly what the app
 * needs: read and write on the tables (append-only ones: read and insert), the
 * sign-in function, read of the migration level. No TRUNCATE, no DDL, owns
 * nothing. Runs as the owner after every migration, so new tables are covered.
 */
export async function applyAppGrants(db: Database, role = getEnv().APP_DB_ROLE): Promise<void> {
  const r = sql.identifier(role);
  const [row] = await queryRows<{ rolsuper: boolean; rolbypassrls: boolean }>(
    db,
    sql`select rolsuper, rolbypassrls from pg_roles where rolname = ${role}`,
  );
  if (!row) {
    // LOGIN without a password: nobody can sign in as it until the operator sets one (README).
    await db.execute(sql`create role ${r} login nosuperuser nobypassrls nocreatedb nocreaterole`).catch((err: unknown) => {
      // Roles belong to the whole server: another database's migration may have just made it.
      if ((err as { cause?: { code?: string } }).cause?.code !== "42710" && (err as { code?: string }).code !== "42710") throw err;
    });
  } else if (row.rolsuper || row.rolbypassrls) {
    throw new Error(`APP_DB_ROLE "${role}" is a superuser or has BYPASSRLS: row-level security would not apply. Use a plain role.`);
  }
  const [owned] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from pg_tables where schemaname = 'public' and tableowner = ${role}`,
  );
  if ((owned?.n ?? 0) > 0) throw new Error(`APP_DB_ROLE "${role}" owns tables: migrate as another role (MIGRATION_DATABASE_URL).`);

  await db.execute(sql`revoke create on schema public from public`);
  await db.execute(sql`grant usage on schema public to ${r}`);
  await db.execute(sql`revoke all on all tables in schema public from ${r}`);
  await db.execute(sql`grant select, insert, update, delete on all tables in schema public to ${r}`);
  for (const table of APPEND_ONLY) await db.execute(sql`revoke update, delete on ${sql.identifier(table)} from ${r}`);
  await db.execute(sql`grant usage on all sequences in schema public to ${r}`);
  await db.execute(sql`grant execute on function sign_in_account(text) to ${r}`);
  await db.execute(sql`grant execute on function record_in_other_clinic(text, uuid) to ${r}`);
  await db.execute(sql`grant execute on function purge_expired_patient_imports() to ${r}`);
  await db.execute(sql`grant execute on function patient_link_by_hash(text) to ${r}`);
  await db.execute(sql`grant execute on function calendar_feed_owner(text) to ${r}`);
  await db.execute(sql`grant execute on function active_reminder_subscriptions() to ${r}`);
  await db.execute(sql`grant execute on function reminder_opt_out(text) to ${r}`);
  await db.execute(sql`grant execute on function clinic_by_slug(text) to ${r}`);
  await db.execute(sql`grant execute on function purge_expired_enquiries() to ${r}`);
  await db.execute(sql`grant execute on function clinics_with_live_programme_links(timestamptz) to ${r}`);
  await grantJobQueue(db, r);
  await db.execute(sql`grant usage on schema drizzle to ${r}`);
  await db.execute(sql`grant select on drizzle.__drizzle_migrations to ${r}`);
}
