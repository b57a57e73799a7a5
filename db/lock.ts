import { mkdirSync } from "node:fs";
import path from "node:path";
import lockfile from "proper-lockfile";

/**
 * PGlite has no server: two processes opening one data folder silently lose
 * committed rows. Whoever opens the folder holds this lock for its lifetime;
 * a second opener is refused with a message that says who to stop.
 */
export class DataDirLockedError extends Error {
  constructor(dir: string) {
    super(
      `The embedded database in ${dir} is in use by another Plumbline process ` +
        `(a running server, or a migrate / seed script). Stop it first, or point ` +
        `PGLITE_DIR at another folder. If no such process runs, wait 15 seconds for the stale lock to expire.`,
    );
    this.name = "DataDirLockedError";
  }
}

export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  mkdirSync(dir, { recursive: true });
  try {
    return await lockfile.lock(dir, {
      lockfilePath: path.join(dir, "plumbline.lock"),
      stale: 15_000,
      update: 5_000,
      retries: 0,
      onCompromised: (err) => {
        // Someone removed or took over our lock: writing on would risk the data.
        console.error(`Lost the lock on ${dir}: ${err.message}. Stopping.`);
        process.exit(1);
      },
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ELOCKED") throw new DataDirLockedError(dir);
    throw err;
  }
}
