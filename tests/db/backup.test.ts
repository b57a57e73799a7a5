import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { backupPglite, restorePglite } from "@/db/backup/pglite";
import { backupPostgres, restorePostgres } from "@/db/backup/postgres";
import { connectPostgres, dropToAppRole, openPgliteDir, type Connection, type Database } from "@/db/client";
import { DataDirLockedError } from "@/db/lock";
import { migrateConnection } from "@/db/migrate";
import { clinics, patients } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { getEnv } from "@/lib/env";
import { getOwnerUrl, withDatabase } from "./targets";

type Fingerprint = Record<string, { rows: number; checksum: string }>;

/** Every table's row count and a checksum over its rows in a fixed order. */
async function fingerprint(db: Database): Promise<Fingerprint> {
  const tables = (await db.execute(sql`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1, 2`)) as unknown as
    | { rows: { schema: string; name: string }[] }
    | { schema: string; name: string }[];
  const list = Array.isArray(tables) ? tables : tables.rows;
  const out: Fingerprint = {};
  for (const { schema, name } of list) {
    const result = (await db.execute(
      sql.raw(`select count(*)::int as rows, coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') as checksum from "${schema}"."${name}" t`),
    )) as unknown as { rows: { rows: number; checksum: string }[] } | { rows: number; checksum: string }[];
    const row = Array.isArray(result) ? result[0] : result.rows[0];
    if (row) out[`${schema}.${name}`] = { rows: Number(row.rows), checksum: row.checksum };
  }
  return out;
}

/**
 * What the server does after a restore, as the runtime role: read one clinic's
 * patients through its scope, and be refused when it tries to rewrite the audit trail.
 */
async function expectServesAsApp(clinicId: string, app: Connection) {
  const scoped = await app.forClinic(clinicId);
  expect((await scoped.select({ id: patients.id }).from(patients)).length).toBeGreaterThan(0);
  expect(await app.db.select({ id: patients.id }).from(patients)).toHaveLength(0);
  await expect(scoped.execute(sql`delete from audit_event`)).rejects.toThrow(/permission denied|42501/);
}

async function findAClinic(owner: Database): Promise<string> {
  const [clinic] = await owner.select({ id: clinics.id }).from(clinics).limit(1);
  return clinic!.id;
}

const temp = (label: string) => mkdtempSync(path.join(tmpdir(), `plumbline-${label}-`));

describe("backup and restore [pglite]", () => {
  const dirs: string[] = [];
  const dir = (label: string) => {
    const d = temp(label);
    dirs.push(d);
    return d;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("round-trips the demo data: every table has the same rows and checksum", { timeout: 240_000 }, async () => {
    const source = dir("src");
    const conn = await openPgliteDir(source);
    await migrateConnection(conn);
    await seedDemo(conn.db);
    const before = await fingerprint(conn.db);
    // Refused clearly while another opener (here: the server) holds the folder.
    await expect(backupPglite(source, dir("refused"))).rejects.toBeInstanceOf(DataDirLockedError);
    await conn.close();

    const file = await backupPglite(source, dir("backups"));
    expect(path.basename(file)).toMatch(/^plumbline-pglite-\d{8}T\d{6}Z\.tar\.gz$/);
    const target = dir("dst");
    await expect(restorePglite(file, target)).resolves.toMatchObject({ behind: 0 });
    const restored = await openPgliteDir(target);
    try {
      const after = await fingerprint(restored.db);
      expect(Object.keys(after).length).toBeGreaterThan(15);
      expect(after["public.patient"]?.rows).toBeGreaterThan(0);
      expect(after).toEqual(before);
      // The runtime role and its grants came back with the cluster.
      const clinicId = await findAClinic(restored.db);
      const app = await openAppOnPglite(restored);
      await expectServesAsApp(clinicId, app);
      await app.db.execute(sql`reset session authorization`);
    } finally {
      await restored.close();
    }
    // A folder that already holds a database is refused unless forced; forced, the old one is moved aside.
    await expect(restorePglite(file, target)).rejects.toThrow(/already holds an embedded database/);
    await expect(restorePglite(file, target, { force: true })).resolves.toMatchObject({ movedAside: expect.stringContaining("before-restore") });
  });
});

/** PGlite has one connection: a second handle on it, switched to the runtime role as the server does. */
async function openAppOnPglite(conn: Connection): Promise<Connection> {
  const app = { ...conn };
  await dropToAppRole(app, getEnv().APP_DB_ROLE);
  return app;
}

// As the owner (MIGRATION_DATABASE_URL in the two-role set-up): the runtime role can neither create databases nor read every clinic.
const url = getOwnerUrl();
describe.runIf(Boolean(url))("backup and restore [postgres]", () => {
  const names: string[] = [];
  const admin = () => postgres(url ?? "", { max: 1, onnotice: () => {} });
  const createDatabase = async (label: string) => {
    const name = `plumbline_${label}_${process.pid}_${names.length}`;
    const sqlAdmin = admin();
    await sqlAdmin.unsafe(`create database "${name}"`);
    await sqlAdmin.end();
    names.push(name);
    return withDatabase(url ?? "", name);
  };
  const backups = temp("pg-backups");
  afterAll(async () => {
    const sqlAdmin = admin();
    for (const name of names) await sqlAdmin.unsafe(`drop database if exists "${name}" with (force)`);
    await sqlAdmin.end();
    rmSync(backups, { recursive: true, force: true });
  });

  it("round-trips the demo data: every table has the same rows and checksum", { timeout: 240_000 }, async () => {
    const sourceUrl = await createDatabase("bk_src");
    const source = await connectPostgres(sourceUrl, 2);
    await migrateConnection(source, sourceUrl);
    await seedDemo(source.db);
    const before = await fingerprint(source.db);
    await source.close();

    const file = await backupPostgres(sourceUrl, backups);
    expect(path.basename(file)).toMatch(/^plumbline-postgres-\d{8}T\d{6}Z\.dump$/);
    const targetUrl = await createDatabase("bk_dst");
    await expect(restorePostgres(file, targetUrl)).resolves.toEqual({ behind: 0 });
    const target = await connectPostgres(targetUrl, 2);
    try {
      const after = await fingerprint(target.db);
      expect(after["public.patient"]?.rows).toBeGreaterThan(0);
      expect(after).toEqual(before);
      // The audit trigger came back too: the restored audit trail is still append-only.
      await expect(target.db.execute(sql`delete from audit_event`)).rejects.toThrow();
      // The backup holds no grants: the restore made the runtime role's, so the app can serve at once.
      const asApp = new URL(targetUrl);
      asApp.username = getEnv().APP_DB_ROLE;
      asApp.password = "";
      const app = await connectPostgres(asApp.toString(), 2);
      try {
        await expectServesAsApp(await findAClinic(target.db), app);
      } finally {
        await app.close();
      }
    } finally {
      await target.close();
    }
    await expect(restorePostgres(file, targetUrl)).rejects.toThrow(/already has \d+ tables/);
    await expect(restorePostgres(file, targetUrl, { force: true })).resolves.toEqual({ behind: 0 });
  });
});
