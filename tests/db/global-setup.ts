import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { connectPglite, connectPostgres } from "@/db/client";
import { migrateConnection } from "@/db/migrate";
import type { TestProject } from "vitest/node";
import { DUMP_PATH, getOwnerUrl, withDatabase } from "./targets";
import { PGLITE_EXTENSIONS } from "@/db/pglite-extensions";

/**
 * Migrates once per run: a PGlite data dump every test file starts from, and,
 * when DATABASE_URL is set, a template database each file clones.
 */
export default async function setup(project: TestProject) {
  const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const conn = await connectPglite(client);
  await migrateConnection(conn);
  const dump = await client.dumpDataDir("gzip");
  mkdirSync(path.dirname(DUMP_PATH), { recursive: true });
  writeFileSync(DUMP_PATH, Buffer.from(await dump.arrayBuffer()));
  await conn.close();

  const url = getOwnerUrl();
  if (!url) return;
  const template = `plumbline_tpl_${process.pid}`;
  project.provide("templateDatabase", template);
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${template}"`);
  await admin.unsafe(`create database "${template}"`);
  const pg = await connectPostgres(withDatabase(url, template), 1);
  await migrateConnection(pg, withDatabase(url, template));
  await pg.close();

  return async () => {
    await admin.unsafe(`drop database if exists "${template}" with (force)`);
    await admin.end();
  };
}
