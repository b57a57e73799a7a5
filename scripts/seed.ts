// `npm run db:seed`: loads the demo clinics. The only way demo data reaches a
// DATABASE_URL database; it refuses a database that already has clinics.
import { openAsOwner } from "@/db/client";
import { migrateConnection } from "@/db/migrate";
import { isEmptyDatabase, seedDemo } from "@/db/seed";
import { DEMO_CLINICS, DEMO_LINK_TOKENS, DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { getMigrationUrl } from "@/lib/env";

async function main() {
  const conn = await openAsOwner();
  try {
    await migrateConnection(conn, getMigrationUrl());
    if (!(await isEmptyDatabase(conn.db))) {
      console.log("The database already has clinics: the demo was not loaded again.");
      return;
    }
    const started = Date.now();
    const ctx = await seedDemo(conn.db);
    console.log(`Loaded ${ctx.clinics.length} demo clinics and ${ctx.patients.length} patients in ${Date.now() - started} ms.`);
    console.log(`Demo sign-ins (password ${DEMO_PASSWORD}): ${DEMO_CLINICS.flatMap((c) => c.staff.map((s) => s.email)).join(", ")}`);
    console.log(`Maya Okafor's programme on her phone (demo link): /p/${DEMO_LINK_TOKENS.maya}`);
  } finally {
    await conn.close();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
