// Serves the production build. PORT and HOST override the defaults; the
// database is opened, migrated and (embedded only) seeded by instrumentation.ts.
import { spawn } from "node:child_process";
import path from "node:path";

const port = process.env.PORT || "3000";
const args = [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", port];
if (process.env.HOST) args.push("-H", process.env.HOST);
const child = spawn(process.execPath, args, { stdio: "inherit", env: { ...process.env, PORT: port, NEXT_TELEMETRY_DISABLED: "1" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
