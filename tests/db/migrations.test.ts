import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { connectPglite, connectPostgres, MIGRATIONS_FOLDER } from "@/db/client";
import { migrateConnection } from "@/db/migrate";
import { getOwnerUrl, withDatabase } from "./targets";
import { PGLITE_EXTENSIONS } from "@/db/pglite-extensions";

const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: unknown[] };

const countApplied = async (db: { execute: (q: ReturnType<typeof sql>) => Promise<unknown> }) => {
  const result = (await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as { rows?: { n: number }[] } | { n: number }[];
  const rows = Array.isArray(result) ? result : (result.rows ?? []);
  return rows[0]?.n;
};

describe("migrations", () => {
  it("apply to an empty PGlite database and are idempotent", async () => {
    const conn = await connectPglite(await PGlite.create({ extensions: PGLITE_EXTENSIONS }));
    await migrateConnection(conn);
    await migrateConnection(conn);
    expect(await countApplied(conn.db)).toBe(journal.entries.length);
    await conn.close();
  });

  const url = getOwnerUrl();
  describe.runIf(Boolean(url))("on PostgreSQL", () => {
    it("are applied exactly once when two instances start together", async () => {
      const name = `plumbline_mig_${randomBytes(5).toString("hex")}`;
      const admin = postgres(url!, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database "${name}"`);
      try {
        const target = withDatabase(url!, name);
        const [a, b] = await Promise.all([connectPostgres(target, 2), connectPostgres(target, 2)]);
        await Promise.all([migrateConnection(a, target), migrateConnection(b, target)]);
        expect(await countApplied(a.db)).toBe(journal.entries.length);
        await Promise.all([a.close(), b.close()]);
      } finally {
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end();
      }
    });
  });
});
