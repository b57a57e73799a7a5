import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Connection, Database } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import { describeRuntimeRole, warnAboutRole, type RuntimeRole } from "@/db/runtime-role";
import { authSessions, patients } from "@/db/schema";
import { createAuthSession } from "@/lib/auth/sessions";
import { seedDemo, type DemoContext } from "@/db/seed";
import { getEnv } from "@/lib/env";
import { describeEachDatabase } from "./harness";

// Every table with a clinic_id column, read from the catalog, so a table added
// later is covered without touching this file.
async function listTenantTables(db: Database): Promise<string[]> {
  const rows = await queryRows<{ table_name: string }>(
    db,
    sql`select c.table_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and c.column_name = 'clinic_id' and t.table_type = 'BASE TABLE'
        order by c.table_name`,
  );
  return rows.map((r) => r.table_name);
}

// Tables keyed by user_id with no clinic_id of their own (sessions, second factors):
// their policy goes through the user's clinic.
async function listUserKeyedTables(db: Database): Promise<string[]> {
  const rows = await queryRows<{ table_name: string }>(
    db,
    sql`select c.table_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and c.column_name = 'user_id' and t.table_type = 'BASE TABLE'
          and not exists (select 1 from information_schema.columns k
                          where k.table_schema = c.table_schema and k.table_name = c.table_name and k.column_name = 'clinic_id')
        order by c.table_name`,
  );
  return rows.map((r) => r.table_name);
}

const countRows = async (db: Database, table: string, where = sql`true`) =>
  (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`))[0]?.n ?? -1;

// Drizzle wraps the database error; PostgreSQL's message is on the cause.
const messageOf = (err: unknown) => String((err as { cause?: { message?: string } }).cause?.message ?? (err as Error).message);

describeEachDatabase("row-level security", (getDb, getConnection) => {
  let ctx: DemoContext;
  let app: Connection;
  let tables: string[];
  let clinicA: string;
  let clinicB: string;
  // Counted as the owner before the app role takes over (on PGlite both share one session).
  const owned = new Map<string, { a: number; b: number }>();
  let ownerRole: RuntimeRole;
  let userTables: string[];
  const ownedByUser = new Map<string, { a: number; b: number }>();
  const usersOf = (clinicId: string) => sql`user_id in (select id from app_user where clinic_id = ${clinicId})`;

  beforeAll(async () => {
    ctx = await seedDemo(getDb());
    tables = await listTenantTables(getDb());
    [clinicA, clinicB] = ctx.clinics.map((c) => c.id) as [string, string];
    for (const t of tables) {
      owned.set(t, { a: await countRows(getDb(), t, sql`clinic_id = ${clinicA}`), b: await countRows(getDb(), t, sql`clinic_id = ${clinicB}`) });
    }
    // A session in each clinic, so the user-keyed tables hold rows of both.
    for (const c of ctx.clinics) await createAuthSession(getDb(), c.users[0]?.id ?? "", null);
    userTables = await listUserKeyedTables(getDb());
    for (const t of userTables) {
      ownedByUser.set(t, { a: await countRows(getDb(), t, usersOf(clinicA)), b: await countRows(getDb(), t, usersOf(clinicB)) });
    }
    ownerRole = await describeRuntimeRole(getDb());
    app = await getConnection().openAsApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("has a clinic policy, enabled and forced, on every table with clinic_id", async () => {
    const rows = await queryRows<{ table_name: string; enabled: boolean; forced: boolean; policies: number; keyed: number }>(
      getDb(),
      sql`select c.relname as table_name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
            (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname) as policies,
            (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname
               and coalesce(p.qual, p.with_check) like '%app_clinic_id()%') as keyed
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r'`,
    );
    const byName = new Map(rows.map((r) => [r.table_name, r]));
    const missing = tables.filter((t) => {
      const r = byName.get(t);
      return !r || !r.enabled || !r.forced || r.keyed === 0;
    });
    expect(missing).toEqual([]);
    expect(tables.length).toBeGreaterThanOrEqual(16);
    // The clinic table is keyed on its own id.
    expect(byName.get("clinic")).toMatchObject({ enabled: true, forced: true });
  });

  it("runs the app as a role that is no superuser, has no BYPASSRLS and owns nothing", async () => {
    const [role] = await queryRows<{ name: string; superuser: boolean; bypass: boolean; owned: number }>(
      app.db,
      sql`select current_user as name, rolsuper as superuser, rolbypassrls as bypass,
            (select count(*)::int from pg_tables where schemaname = 'public' and tableowner = current_user) as owned
          from pg_roles where rolname = current_user`,
    );
    expect(role).toEqual({ name: getEnv().APP_DB_ROLE, superuser: false, bypass: false, owned: 0 });
  });

  it("warns at start-up about a privileged role and not about the runtime role", async () => {
    expect(warnAboutRole(ownerRole)).toMatch(/is a superuser|owns \d+ tables/);
    expect(warnAboutRole(await describeRuntimeRole(app.db))).toBeNull();
  });

  it("grants the app no TRUNCATE anywhere and no UPDATE or DELETE on the audit trail", async () => {
    const rows = await queryRows<{ table_name: string; truncate: boolean }>(
      app.db,
      sql`select tablename as table_name, has_table_privilege(current_user, format('public.%I', tablename), 'TRUNCATE') as truncate
          from pg_tables where schemaname = 'public'`,
    );
    expect(rows.filter((r) => r.truncate)).toEqual([]);
    const [audit] = await queryRows<{ upd: boolean; del: boolean; ins: boolean }>(
      app.db,
      sql`select has_table_privilege(current_user, 'public.audit_event', 'UPDATE') as upd,
                 has_table_privilege(current_user, 'public.audit_event', 'DELETE') as del,
                 has_table_privilege(current_user, 'public.audit_event', 'INSERT') as ins`,
    );
    expect(audit).toEqual({ upd: false, del: false, ins: true });
  });

  it("refuses the app DDL and switching off row-level security", async () => {
    await expect(app.db.execute(sql`create table intruder (id int)`)).rejects.toSatisfy((e) => /permission denied/.test(messageOf(e)));
    await expect(app.db.execute(sql`alter table patient disable row level security`)).rejects.toSatisfy((e) => /must be owner/.test(messageOf(e)));
    await expect(app.db.execute(sql`truncate auth_throttle`)).rejects.toSatisfy((e) => /permission denied/.test(messageOf(e)));
  });

  it("shows no row of any tenant table when no clinic is set", async () => {
    for (const table of tables) expect({ table, n: await countRows(app.db, table) }).toEqual({ table, n: 0 });
    expect(await countRows(app.db, "clinic")).toBe(0);
  });

  it("shows clinic A all of its rows and none of clinic B's, in every tenant table", async () => {
    const asA = await app.forClinic(clinicA);
    let bRows = 0;
    for (const table of tables) {
      const own = owned.get(table) ?? { a: -1, b: 0 };
      bRows += own.b;
      expect({ table, n: await countRows(asA, table) }).toEqual({ table, n: own.a });
      expect({ table, n: await countRows(asA, table, sql`clinic_id = ${clinicB}`) }).toEqual({ table, n: 0 });
    }
    // The demo fills clinic B too: the check above is not vacuous.
    expect(bRows).toBeGreaterThan(100);
    expect(await countRows(asA, "clinic")).toBe(1);
  });

  it("lets clinic A change or remove no row of clinic B", async () => {
    const asA = await app.forClinic(clinicA);
    for (const table of tables.filter((t) => t !== "audit_event")) {
      const changed = await queryRows<{ id: unknown }>(
        asA,
        sql`update ${sql.identifier(table)} set clinic_id = clinic_id where clinic_id = ${clinicB} returning clinic_id as id`,
      );
      expect({ table, changed: changed.length }).toEqual({ table, changed: 0 });
      const removed = await queryRows<{ id: unknown }>(asA, sql`delete from ${sql.identifier(table)} where clinic_id = ${clinicB} returning clinic_id as id`);
      expect({ table, removed: removed.length }).toEqual({ table, removed: 0 });
    }
    const asB = await app.forClinic(clinicB);
    for (const table of tables) expect({ table, n: await countRows(asB, table) }).toEqual({ table, n: owned.get(table)?.b });
  });

  it("refuses clinic A a row written into clinic B or moved there", async () => {
    const asA = await app.forClinic(clinicA);
    const row = { firstName: "Wrong", lastName: "Clinic", dateOfBirth: "1980-01-01", sex: "female" as const };
    await expect(asA.insert(patients).values({ ...row, clinicId: clinicB })).rejects.toSatisfy((e) => /row-level security/.test(messageOf(e)));
    await expect(asA.execute(sql`update patient set clinic_id = ${clinicB} where clinic_id = ${clinicA}`)).rejects.toSatisfy((e) =>
      /row-level security/.test(messageOf(e)),
    );
    await expect(
      asA.execute(sql`insert into audit_event (clinic_id, entity, action) values (${clinicB}, 'patient', 'view')`),
    ).rejects.toSatisfy((e) => /row-level security/.test(messageOf(e)));
  });

  it("keeps the clinic inside one transaction and forgets it after", async () => {
    const asA = await app.forClinic(clinicA);
    const inside = await asA.transaction(async (tx) => {
      await tx.insert(patients).values({ clinicId: clinicA, firstName: "Scoped", lastName: "Insert", dateOfBirth: "1980-01-01", sex: "male" });
      return countRows(tx as unknown as Database, "patient", sql`last_name = 'Insert'`);
    });
    expect(inside).toBe(1);
    expect(await countRows(app.db, "patient")).toBe(0);
  });

  it("finds an account for sign-in only by its exact email, with nothing but what the password check needs", async () => {
    const email = ctx.clinics[1]?.users[0]?.email ?? "";
    const found = await queryRows<Record<string, unknown>>(app.db, sql`select * from sign_in_account(${email.toUpperCase()})`);
    expect(found).toHaveLength(1);
    expect(Object.keys(found[0] ?? {}).sort()).toEqual(["active", "clinic_id", "must_change_password", "password_hash", "user_id"]);
    expect(await queryRows(app.db, sql`select * from sign_in_account(${"%"})`)).toHaveLength(0);
    // The clinic and the rest of the account stay out of reach without the clinic's scope.
    expect(await countRows(app.db, "app_user")).toBe(0);
  });
  it("isolates the user-keyed tables (sessions, second factors) through the user's clinic", async () => {
    expect(userTables).toEqual(expect.arrayContaining(["auth_session", "mfa_recovery_code", "mfa_totp", "passkey"]));
    const flags = await queryRows<{ table_name: string; enabled: boolean; forced: boolean }>(
      getDb(),
      sql`select relname as table_name, relrowsecurity as enabled, relforcerowsecurity as forced from pg_class
          where relnamespace = 'public'::regnamespace and relkind = 'r'`,
    );
    const unprotected = userTables.filter((t) => !flags.some((f) => f.table_name === t && f.enabled && f.forced));
    expect(unprotected).toEqual([]);
    const asA = await app.forClinic(clinicA);
    for (const table of userTables) {
      expect({ table, n: await countRows(app.db, table) }).toEqual({ table, n: 0 });
      expect({ table, n: await countRows(asA, table) }).toEqual({ table, n: ownedByUser.get(table)?.a });
      expect({ table, n: await countRows(asA, table, usersOf(clinicB)) }).toEqual({ table, n: 0 });
    }
    expect(ownedByUser.get("auth_session")?.b).toBeGreaterThan(0);
    const userB = ctx.clinics[1]?.users[0]?.id ?? "";
    await expect(asA.insert(authSessions).values({ userId: userB })).rejects.toSatisfy((e) => /row-level security/.test(messageOf(e)));
  });
});
