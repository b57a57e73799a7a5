// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the
// embedded database (refused while a server holds its folder).
import { openConfigured } from "@/db/client";
import { migrateConnection } from "@/db/migrate";
import { getEnv } from "@/lib/env";

async function main() {
  const conn = await openConfigured();
  try {
    await migrateConnection(conn, getEnv().DATABASE_URL);
    console.log(`Migrations applied (${conn.kind}).`);
  } finally {
    await conn.close();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
