// Starts the app for the browser tests: builds if needed, then serves on
// 127.0.0.1:E2E_PORT. Embedded: a fresh data folder each run. PostgreSQL:
// migrates and loads the demo as the owner (MIGRATION_DATABASE_URL, else
// DATABASE_URL; a no-op when it has data).
import { spawnSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const env = { ...process.env, HOST: "127.0.0.1", PORT: process.env.E2E_PORT ?? "3100", NEXT_TELEMETRY_DISABLED: "1" };
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (env.DATABASE_URL) {
  env.AUTH_SECRET ??= "e2e-only-secret-not-for-production-use";
  run(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/seed.ts"]);
  run(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/e2e-reset-throttle.ts"]);
} else {
  env.PGLITE_DIR = path.resolve(".e2e-data", env.PORT);
  rmSync(env.PGLITE_DIR, { recursive: true, force: true });
}
run(process.execPath, ["scripts/prestart.mjs"]);
// The server itself gets only DATABASE_URL: with a least-privilege role there (CI) it
// cannot migrate, checks the level instead, and runs every request under row-level security.
const serverEnv = { ...env };
delete serverEnv.MIGRATION_DATABASE_URL;
const child = spawn(process.execPath, ["scripts/start.mjs"], { stdio: "inherit", env: serverEnv });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
