import { mkdirSync, renameSync } from "node:fs";
import path from "node:path";

export type Engine = "pglite" | "postgres";

const EXTENSION: Record<Engine, string> = { postgres: ".dump", pglite: ".tar.gz" };

export function getBackupDir(): string {
  return path.resolve(process.env.BACKUP_DIR || "backups");
}

/** plumbline-postgres-20260101T020000Z.dump: sorts by time, says which engine can restore it. */
export function makeBackupName(engine: Engine, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  return `plumbline-${engine}-${stamp}${EXTENSION[engine]}`;
}

export function readEngineOf(file: string): Engine {
  if (file.endsWith(EXTENSION.postgres)) return "postgres";
  if (file.endsWith(EXTENSION.pglite)) return "pglite";
  throw new Error(`${path.basename(file)} is not a Plumbline backup (expected a .dump or .tar.gz file made by npm run db:backup).`);
}

/**
 * Writes through a temporary name and renames at the end, so a backup that
 * was interrupted never looks like a complete one.
 */
export async function writeAtomically(dir: string, name: string, write: (tmpPath: string) => Promise<void>): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const final = path.join(dir, name);
  const tmp = path.join(dir, `.${name}.partial`);
  await write(tmp);
  renameSync(tmp, final);
  return final;
}
