// `npm run db:backup`: a consistent, compressed, timestamped backup of the
// configured database (PostgreSQL or the embedded one) into BACKUP_DIR.
import { statSync } from "node:fs";
import { backupConfigured } from "@/db/backup";

async function main() {
  const started = Date.now();
  const file = await backupConfigured();
  const mb = (statSync(file).size / 1e6).toFixed(1);
  console.log(`Backup written: ${file} (${mb} MB, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main().catch((err: Error) => {
  console.error(`Backup failed: ${err.message}`);
  process.exit(1);
});
