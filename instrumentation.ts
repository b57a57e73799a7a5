/**
 * Runs once when the server starts: open the database, migrate, load the demo
 * on a fresh embedded database, and say where everything is.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getConnection } = await import("@/db/runtime");
  const { getEnv, isEmbedded, resolveAuthSecret } = await import("@/lib/env");
  try {
    resolveAuthSecret();
    const conn = await getConnection();
    const port = getEnv().PORT;
    const lines = [`Plumbline is serving http://localhost:${port}`];
    if (isEmbedded() && conn.kind === "pglite") {
      const { DEMO_CLINICS, DEMO_PASSWORD } = await import("@/db/seed/demo-accounts");
      lines.push("Demo sign-ins (password for all: " + DEMO_PASSWORD + "):");
      for (const c of DEMO_CLINICS) lines.push(`  ${c.name}: ${c.staff.map((s) => s.email).join(", ")}`);
    }
    console.log(lines.join("\n"));
  } catch (err) {
    console.error(`\nPlumbline could not start: ${(err as Error).message}\n`);
    process.exit(1);
  }
}
