import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPgliteDir } from "@/db/client";
import { DataDirLockedError } from "@/db/lock";

describe("embedded database folder lock", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "plumbline-lock-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a second opener while the first holds the folder, and frees it on close", async () => {
    const first = await openPgliteDir(dir);
    await expect(openPgliteDir(dir)).rejects.toBeInstanceOf(DataDirLockedError);

    // Another process (here the migrate script) is refused with a message saying what to do.
    const other = spawnSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/migrate.ts"], {
      env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: dir },
      encoding: "utf8",
    });
    expect(other.status).toBe(1);
    expect(other.stderr).toMatch(/in use by another Plumbline process/);

    await first.close();
    const again = await openPgliteDir(dir);
    await again.close();
  });
});
