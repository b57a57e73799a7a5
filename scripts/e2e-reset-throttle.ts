// Browser tests on a kept PostgreSQL database: sign-in counters from an
// earlier run (within its 15-minute windows) must not lock out this one.
import { openConfigured } from "@/db/client";
import { authThrottle } from "@/db/schema";

async function main() {
  const conn = await openConfigured();
  try {
    // Every counter of a test database is cleared on purpose: no where clause
    // eslint-disable-next-line drizzle/enforce-delete-with-where
    await conn.db.delete(authThrottle);
  } finally {
    await conn.close();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
