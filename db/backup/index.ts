import { getDataDir, getMigrationUrl } from "@/lib/env";
import { getBackupDir, readEngineOf } from "./files";
import { backupPglite, restorePglite } from "./pglite";
import { backupPostgres, restorePostgres } from "./postgres";

/**
 * Backups and restores run as the schema owner (MIGRATION_DATABASE_URL, else
 * DATABASE_URL): the runtime role sees one clinic at a time and may not
 * create tables. No DATABASE_URL: the embedded database.
 */
const getOwnerUrl = getMigrationUrl;

/** Backs up whichever database this configuration names. */
export async function backupConfigured(): Promise<string> {
  const url = getOwnerUrl();
  return url ? backupPostgres(url, getBackupDir()) : backupPglite(getDataDir(), getBackupDir());
}

export async function restoreConfigured(file: string, force: boolean): Promise<{ behind: number }> {
  const url = getOwnerUrl();
  const engine = readEngineOf(file);
  const target = url ? "postgres" : "pglite";
  if (engine !== target) {
    throw new Error(
      engine === "postgres"
        ? "This is a PostgreSQL backup: set DATABASE_URL (or MIGRATION_DATABASE_URL) to the database to restore into."
        : "This is an embedded-database backup: unset DATABASE_URL and set PGLITE_DIR to an empty folder to restore into.",
    );
  }
  return url ? restorePostgres(file, url, { force }) : restorePglite(file, getDataDir(), { force });
}
