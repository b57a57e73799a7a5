// `npm run db:migrate`: applies pending migrations as the owner
// (MIGRATION_DATABASE_URL, else DATABASE_URL), or to the embedded database
// (refused while a server holds its folder), then grants the runtime role
// (APP_DB_ROLE) what the app needs, creating it when missing.
import { openAsOwner } from "@/db/client";
import { migrateConnection } from "@/db/migrate";
import { getEnv, getMigrationUrl } from "@/lib/env";

async function main() {
  const conn = await openAsOwner();
  try {
    await migrateConnection(conn, getMigrationUrl());
    console.log(`Migrations applied (${conn.kind}); runtime role "${getEnv().APP_DB_ROLE}" granted.`);
  } finally {
    await conn.close();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
