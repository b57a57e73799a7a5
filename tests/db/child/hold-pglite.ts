// A child process for the crash-recovery test: opens the embedded database in
// PGLITE_DIR, commits one row, says so, and waits to be killed.
import { sql } from "drizzle-orm";
import { openPgliteDir } from "@/db/client";

async function main() {
  const dir = process.env.PGLITE_DIR;
  if (!dir) throw new Error("PGLITE_DIR is required");
  const conn = await openPgliteDir(dir);
  await conn.db.execute(sql`create table if not exists crash_probe (n int not null)`);
  await conn.db.execute(sql`insert into crash_probe values (42)`);
  process.stdout.write("ready\n");
  setInterval(() => {}, 60_000);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
