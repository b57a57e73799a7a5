// Serves the production build through scripts/server.mjs (which decides which
// forwarded headers to believe). PORT, HOST and TRUST_PROXY are read there; the
// database is opened, migrated and (embedded only) seeded by instrumentation.ts.
import { spawn } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";

const port = process.env.PORT || "3000";
// The preload releases the stack frames React's completed-render abort reasons keep, which otherwise
// keep every finished request reachable (scripts/abort-reason-stack.mjs).
const preload = pathToFileURL(path.resolve("scripts", "abort-reason-stack.mjs")).href;
const args = ["--import", preload, path.join("scripts", "server.mjs")];
const child = spawn(process.execPath, args, { stdio: "inherit", env: { ...process.env, PORT: port, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
