import { readFileSync } from "node:fs";
import path from "node:path";
import { MIGRATIONS_FOLDER } from "../client";

/**
 * A database's migration level is the newest migration it has applied, as
 * drizzle records it: `created_at` in drizzle.__drizzle_migrations is the
 * journal's `when` of that migration.
 */
export type MigrationLevel = { applied: number; newest: number | null };

type Journal = { entries: { tag: string; when: number }[] };

function readJournal(): Journal {
  return JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as Journal;
}

/** The level this code's migrations reach. */
export function getCodeLevel(): MigrationLevel & { tags: Map<number, string> } {
  const { entries } = readJournal();
  return {
    applied: entries.length,
    newest: entries.reduce<number | null>((max, e) => (max === null || e.when > max ? e.when : max), null),
    tags: new Map(entries.map((e) => [e.when, e.tag])),
  };
}

/**
 * Refuses a backup made by newer code (its schema has migrations this code
 * does not know, and running it could corrupt data); an older one is fine,
 * since start-up and `npm run db:migrate` bring it forward.
 */
export function checkBackupLevel(backup: MigrationLevel): { behind: number } {
  const code = getCodeLevel();
  if (backup.newest === null) throw new Error("The backup holds no migration record: it is not a Plumbline database backup.");
  if (code.newest === null || backup.newest > code.newest || !code.tags.has(backup.newest)) {
    throw new Error(
      `The backup was made by a newer version of Plumbline (its latest migration is not among this version's ${code.applied}). ` +
        "Update Plumbline first, then restore.",
    );
  }
  return { behind: code.applied - backup.applied };
}

export const LEVEL_QUERY = `select count(*)::int as applied, max(created_at)::bigint as newest from drizzle.__drizzle_migrations`;

export function toLevel(row: { applied: number | string; newest: number | string | null } | undefined): MigrationLevel {
  return { applied: Number(row?.applied ?? 0), newest: row?.newest === null || row?.newest === undefined ? null : Number(row.newest) };
}
