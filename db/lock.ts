import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import lockfile from "proper-lockfile";

/**
 * PGlite has no server: two processes opening one data folder silently lose
 * committed rows. Whoever opens the folder holds this lock for its lifetime;
 * a second opener is refused with a message that says who to stop.
 */
export class DataDirLockedError extends Error {
  constructor(dir: string, owner?: LockOwner) {
    super(
      `The embedded database in ${dir} is in use by another Plumbline process` +
        (owner ? ` (process ${owner.pid} on ${owner.host})` : "") +
        ` (a running server, or a migrate / seed script). Stop it first, or point PGLITE_DIR at another folder.`,
    );
    this.name = "DataDirLockedError";
  }
}

type LockOwner = { pid: number; host: string; since: string };

function getLockPaths(dir: string) {
  const lock = path.join(dir, "plumbline.lock");
  return { lock, owner: `${lock}.owner` };
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, "utf8")) as LockOwner;
    return Number.isInteger(owner.pid) && typeof owner.host === "string" ? owner : undefined;
  } catch {
    return undefined;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user, so it is alive.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * A lock left by a process that was killed (kill -9, power loss) is taken over
 * at once instead of after the mtime-based stale timeout: its owner file names
 * a process on this host that no longer runs. A lock from another host (a
 * shared folder) is never judged by pid.
 */
function isOwnerGone(owner: LockOwner | undefined): boolean {
  return owner !== undefined && owner.host === hostname() && owner.pid !== process.pid && !isProcessAlive(owner.pid);
}

async function acquire(dir: string, lockPath: string) {
  return lockfile.lock(dir, {
    lockfilePath: lockPath,
    stale: 15_000,
    update: 5_000,
    retries: 0,
    onCompromised: (err) => {
      // Someone removed or took over our lock: writing on would risk the data.
      console.error(`Lost the lock on ${dir}: ${err.message}. Stopping.`);
      process.exit(1);
    },
  });
}

export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  mkdirSync(dir, { recursive: true });
  const paths = getLockPaths(dir);
  let release: () => Promise<void>;
  try {
    release = await acquire(dir, paths.lock);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ELOCKED") throw err;
    const owner = readOwner(paths.owner);
    if (!isOwnerGone(owner)) throw new DataDirLockedError(dir, owner);
    console.warn(`Taking over the lock on ${dir}: its owner, process ${owner?.pid}, no longer runs.`);
    rmSync(paths.lock, { recursive: true, force: true });
    try {
      release = await acquire(dir, paths.lock);
    } catch (again) {
      // Another opener took it over first: it is alive, so refuse.
      if ((again as NodeJS.ErrnoException).code === "ELOCKED") throw new DataDirLockedError(dir, readOwner(paths.owner));
      throw again;
    }
  }
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  writeFileSync(paths.owner, JSON.stringify(me));
  return async () => {
    rmSync(paths.owner, { force: true });
    await release();
  };
}
