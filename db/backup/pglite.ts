import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { lockDataDir } from "../lock";
import { makeBackupName, writeAtomically } from "./files";
import { checkBackupLevel, LEVEL_QUERY, toLevel } from "./level";
import { PGLITE_EXTENSIONS } from "../pglite-extensions";

const pgdataOf = (dir: string) => path.join(dir, "pgdata");

/**
 * PGlite has one opener: the backup takes the folder lock (so it is refused
 * clearly while the server runs), and its own dumpDataDir gives a consistent,
 * gzip-compressed copy of the whole cluster.
 */
export async function backupPglite(dataDir: string, backupDir: string, now = new Date()): Promise<string> {
  if (!existsSync(pgdataOf(dataDir))) throw new Error(`There is no embedded database in ${dataDir} to back up.`);
  const release = await lockDataDir(dataDir);
  try {
    const client = await PGlite.create({ dataDir: pgdataOf(dataDir), extensions: PGLITE_EXTENSIONS });
    try {
      const dump = await client.dumpDataDir("gzip");
      const bytes = Buffer.from(await dump.arrayBuffer());
      return await writeAtomically(backupDir, makeBackupName("pglite", now), async (tmp) => writeFileSync(tmp, bytes));
    } finally {
      await client.close();
    }
  } finally {
    await release();
  }
}

async function readLevel(file: string) {
  const probe = await PGlite.create({ loadDataDir: new Blob([readFileSync(file)]), extensions: PGLITE_EXTENSIONS });
  try {
    const result = await probe.query<{ applied: number; newest: number | null }>(LEVEL_QUERY);
    return toLevel(result.rows[0]);
  } catch {
    return toLevel(undefined);
  } finally {
    await probe.close();
  }
}

function isEmptyFolder(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/**
 * Restores into an empty folder. With `force`, an existing database is moved
 * aside (never deleted) to pgdata.before-restore-<time>.
 */
export async function restorePglite(file: string, dataDir: string, options: { force?: boolean } = {}): Promise<{ behind: number; movedAside?: string }> {
  const { behind } = checkBackupLevel(await readLevel(file));
  const release = await lockDataDir(dataDir);
  try {
    const target = pgdataOf(dataDir);
    let movedAside: string | undefined;
    if (!isEmptyFolder(target)) {
      if (!options.force) throw new Error(`${dataDir} already holds an embedded database. Restore into an empty PGLITE_DIR, or add --force to move the current one aside.`);
      movedAside = `${target}.before-restore-${Date.now()}`;
      renameSync(target, movedAside);
    }
    const client = await PGlite.create({ dataDir: target, loadDataDir: new Blob([readFileSync(file)]), extensions: PGLITE_EXTENSIONS });
    await client.close();
    return { behind, movedAside };
  } finally {
    await release();
  }
}
