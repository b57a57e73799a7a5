import { getConnection, getDb } from "@/db/runtime";
import { checkHealth } from "@/lib/health";
import { registerDatabaseProbe } from "@/lib/outage/probe";
import { DEMO_CLINICS, DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { getDataDir, getEnv, isEmbedded, resolveAuthSecret } from "@/lib/env";

/** Fails fast with a readable message rather than on the first request. */
export async function startServer(): Promise<void> {
  try {
    resolveAuthSecret();
    // 3 s: the proxy answers 503 within it when the database does not answer.
    registerDatabaseProbe(async () => (await checkHealth(getDb, 3_000)).database === "up");
    const conn = await getConnection();
    const lines = [`Plumbline is serving http://localhost:${getEnv().PORT}`];
    if (isEmbedded() && conn.kind === "pglite") {
      lines.push(`Data: embedded PostgreSQL (PGlite) in ${getDataDir()}`);
      lines.push(`Demo sign-ins (demo only; password for all: ${DEMO_PASSWORD}):`);
      for (const c of DEMO_CLINICS) lines.push(`  ${c.name}: ${c.staff.map((s) => `${s.email} (${s.role})`).join(", ")}`);
    } else {
      lines.push("Data: PostgreSQL at DATABASE_URL");
    }
    console.log(lines.join("\n"));
  } catch (err) {
    console.error(`\nPlumbline could not start: ${(err as Error).message}\n`);
    process.exit(1);
  }
}
