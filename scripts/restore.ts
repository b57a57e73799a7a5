// `npm run db:restore -- FILE [--force]`: restores a backup from db:backup into
// the configured database, which must be empty unless --force is given.
import { existsSync } from "node:fs";
import { restoreConfigured } from "@/db/backup";

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) throw new Error("Name the backup file: npm run db:restore -- backups/plumbline-….dump [--force]");
  if (!existsSync(file)) throw new Error(`${file} does not exist.`);
  const started = Date.now();
  const { behind } = await restoreConfigured(file, force);
  console.log(`Restored ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  if (behind > 0) {
    console.log(`The backup is ${behind} migration(s) behind this version: npm run db:migrate (as the owner) applies them and grants the runtime role.`);
  } else if (process.env.DATABASE_URL) {
    console.log("The runtime role's grants are in place.");
  }
}

main().catch((err: Error) => {
  console.error(`Restore refused: ${err.message}`);
  process.exit(1);
});
