import { sql } from "drizzle-orm";
import type { Database } from "./client";
import { queryRows } from "./query-rows";

export type RuntimeRole = { name: string; superuser: boolean; bypassRls: boolean; ownsTables: number; hasTables: boolean };

/** Who the app is connected as, and whether row-level security can hold it. */
export async function describeRuntimeRole(db: Database): Promise<RuntimeRole> {
  const [row] = await queryRows<{ name: string; superuser: boolean; bypass: boolean; owned: number; tables: number }>(
    db,
    sql`select current_user as name, r.rolsuper as superuser, r.rolbypassrls as bypass,
          (select count(*)::int from pg_tables where schemaname = 'public' and tableowner = current_user) as owned,
          (select count(*)::int from pg_tables where schemaname = 'public') as tables
        from pg_roles r where r.rolname = current_user`,
  );
  if (!row) throw new Error("could not read the database role");
  return { name: row.name, superuser: row.superuser, bypassRls: row.bypass, ownsTables: row.owned, hasTables: row.tables > 0 };
}

/** The start-up warning for a one-role set-up, or null when the role is least-privilege. */
export function warnAboutRole(role: RuntimeRole): string | null {
  if (!role.superuser && !role.bypassRls && role.ownsTables === 0) return null;
  const why = role.superuser ? "is a superuser" : role.bypassRls ? "has BYPASSRLS" : `owns ${role.ownsTables} tables`;
  return (
    `Warning: the app connects as "${role.name}", which ${why}: it can switch off ` +
    "row-level security and the audit trail's triggers. In production connect as the runtime role (APP_DB_ROLE) and " +
    "migrate through MIGRATION_DATABASE_URL (README: Running on PostgreSQL in production)."
  );
}
