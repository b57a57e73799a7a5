import { spawn } from "node:child_process";
import postgres from "postgres";
import { connectPostgres } from "../client";
import { applyAppGrants } from "../grants";
import { JOB_SCHEMA } from "../job-queue";
import { makeBackupName, writeAtomically } from "./files";
import { checkBackupLevel, toLevel, type MigrationLevel } from "./level";

/** Runs a PostgreSQL client tool; its own message becomes the error when it fails. */
function run(command: string, args: string[], onStdout?: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => onStdout?.(chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (err) => reject(new Error(`Could not run ${command} (${err.message}). Install the PostgreSQL client tools.`)));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed: ${stderr.trim()}`))));
  });
}

/**
 * pg_dump reads everything in one repeatable-read snapshot, so the backup is
 * consistent while the app keeps writing; the custom format is compressed and
 * lets pg_restore pick single tables.
 */
export async function backupPostgres(url: string, backupDir: string, now = new Date()): Promise<string> {
  await checkReadsEveryClinic(url);
  return writeAtomically(backupDir, makeBackupName("postgres", now), (tmp) =>
    run("pg_dump", ["--format=custom", "--compress=6", "--no-owner", "--no-acl", `--file=${tmp}`, `--dbname=${url}`]),
  );
}

/** The migration record inside a dump, read with pg_restore before anything is restored. */
export async function readDumpLevel(file: string): Promise<MigrationLevel> {
  let text = "";
  await run("pg_restore", ["--data-only", "--schema=drizzle", "--table=__drizzle_migrations", "--file=-", file], (chunk) => (text += chunk.toString()));
  // COPY drizzle.__drizzle_migrations (id, hash, created_at) FROM stdin; then one tab-separated row per migration.
  const copy = text.split("\n");
  const start = copy.findIndex((line) => line.startsWith("COPY drizzle.__drizzle_migrations"));
  if (start < 0) return toLevel(undefined);
  const rows = [];
  for (let i = start + 1; i < copy.length && copy[i] !== "\\."; i++) rows.push(Number(copy[i]?.split("\t")[2]));
  return toLevel({ applied: rows.length, newest: rows.length ? Math.max(...rows) : null });
}

/**
 * Row-level security is forced on every tenant table, for their owner too:
 * pg_dump reads with row security off and fails on the first such table unless
 * its role bypasses it. Say so before starting, in words an operator can act on.
 */
async function checkReadsEveryClinic(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ name: string; bypasses: boolean }[]>`
      select rolname as name, rolsuper or rolbypassrls as bypasses from pg_roles where rolname = current_user`;
    if (row && !row.bypasses) {
      throw new Error(
        `The role "${row.name}" cannot read every clinic's rows (row-level security holds it). ` +
          `Back up as the owner with BYPASSRLS (as a superuser: ALTER ROLE ${row.name} BYPASSRLS) or as a superuser, through MIGRATION_DATABASE_URL.`,
      );
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function dropJobSchema(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop schema if exists "${JOB_SCHEMA}" cascade`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function countUserTables(url: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`;
    return row?.n ?? 0;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Restores into an empty database; with `force`, pg_restore first drops the
 * objects the backup contains (--clean). Ownership goes to the restoring role
 * (the migration owner). The backup carries no grants (--no-acl: the source's
 * roles may not exist here), so the runtime role's are made afresh, as
 * `db:migrate` does, and the app can serve from the restored database at once
 * (or, for an older backup, after `db:migrate` has brought it forward).
 */
export async function restorePostgres(file: string, url: string, options: { force?: boolean } = {}): Promise<{ behind: number }> {
  const { behind } = checkBackupLevel(await readDumpLevel(file));
  const tables = await countUserTables(url);
  if (tables > 0 && !options.force) {
    throw new Error(`The target database already has ${tables} tables. Restore into an empty database (createdb), or add --force to replace its contents.`);
  }
  const args = ["--no-owner", "--no-acl", "--exit-on-error", "--single-transaction", `--dbname=${url}`];
  if (tables > 0) {
    args.unshift("--clean", "--if-exists");
    // pg_restore's --clean cannot drop the job queue's partitions one constraint at a time (PostgreSQL refuses to
    // drop an inherited constraint): the queue's schema goes whole first, and the backup brings it back.
    await dropJobSchema(url);
  }
  await run("pg_restore", [...args, file]);
  // A backup behind this version lacks objects the grants name: db:migrate brings it forward and grants then.
  if (behind === 0) {
    const owner = await connectPostgres(url, 1);
    try {
      await applyAppGrants(owner.db);
    } finally {
      await owner.close();
    }
  }
  return { behind };
}
