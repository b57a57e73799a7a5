import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openPgliteDir } from "@/db/client";
import { DataDirLockedError } from "@/db/lock";

const TSX = path.join("node_modules", "tsx", "dist", "cli.mjs");

/** Starts the holder script and resolves once it has the folder and committed its row. */
function startHolder(dir: string): Promise<ChildProcess> {
  // `node --import tsx` (not the tsx CLI) so the pid we kill is the one holding the lock.
  const child = spawn(process.execPath, ["--import", "tsx", "tests/db/child/hold-pglite.ts"], {
    env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: dir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let err = "";
    child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
    child.stdout?.on("data", (d: Buffer) => d.toString().includes("ready") && resolve(child));
    child.on("exit", (code) => reject(new Error(`holder exited with ${code}: ${err}`)));
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.on("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

describe("embedded database folder lock", () => {
  const dirs: string[] = [];
  const makeDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), "plumbline-lock-"));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it("refuses a second opener while the first holds the folder, and frees it on close", async () => {
    const dir = makeDir();
    const first = await openPgliteDir(dir);
    await expect(openPgliteDir(dir)).rejects.toBeInstanceOf(DataDirLockedError);

    // Another process (here the migrate script) is refused with a message saying what to do.
    const other = spawnSync(process.execPath, [TSX, "scripts/migrate.ts"], {
      env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: dir },
      encoding: "utf8",
    });
    expect(other.status).toBe(1);
    expect(other.stderr).toMatch(/in use by another Plumbline process/);

    await first.close();
    const again = await openPgliteDir(dir);
    await again.close();
  });

  it("refuses this process while another live process holds the folder", async () => {
    const dir = makeDir();
    const holder = await startHolder(dir);
    try {
      await expect(openPgliteDir(dir)).rejects.toThrow(new RegExp(`process ${holder.pid} `));
    } finally {
      await killHard(holder);
    }
  });

  it("takes over at once after the holder was killed with SIGKILL, keeping its committed row", async () => {
    const dir = makeDir();
    await killHard(await startHolder(dir));
    // No wait for the 15 s mtime staleness: the dead owner's pid frees the lock.
    const conn = await openPgliteDir(dir);
    try {
      const result = (await conn.db.execute(sql`select n from crash_probe`)) as unknown as { rows: unknown[] };
      expect(result.rows).toEqual([{ n: 42 }]);
    } finally {
      await conn.close();
    }
  });
});
