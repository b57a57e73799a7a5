import { describe, expect, it } from "vitest";
import { checkBackupLevel, getCodeLevel } from "@/db/backup/level";
import { makeBackupName, readEngineOf } from "@/db/backup/files";

describe("backup migration level", () => {
  const code = getCodeLevel();

  it("accepts a backup at this version's level, and one that is behind, saying by how much", () => {
    expect(checkBackupLevel({ applied: code.applied, newest: code.newest })).toEqual({ behind: 0 });
    const [first] = [...code.tags.keys()].sort((a, b) => a - b);
    expect(checkBackupLevel({ applied: 1, newest: first ?? 0 })).toEqual({ behind: code.applied - 1 });
  });

  it("refuses a backup made by a newer version, and one with no migration record", () => {
    expect(() => checkBackupLevel({ applied: code.applied + 1, newest: (code.newest ?? 0) + 1 })).toThrow(/newer version of Plumbline/);
    expect(() => checkBackupLevel({ applied: 0, newest: null })).toThrow(/not a Plumbline database backup/);
  });
});

describe("backup file names", () => {
  it("carry the engine and a UTC timestamp, and the engine is read back from the name", () => {
    const name = makeBackupName("postgres", new Date("2026-03-04T05:06:07.890Z"));
    expect(name).toBe("plumbline-postgres-20260304T050607Z.dump");
    expect(readEngineOf(name)).toBe("postgres");
    expect(readEngineOf(makeBackupName("pglite"))).toBe("pglite");
    expect(() => readEngineOf("notes.txt")).toThrow(/not a Plumbline backup/);
  });
});
