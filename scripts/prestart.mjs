// Builds the app before `npm start` when there is no build yet, or when a
// source file is newer than the build, so `npm install && npm start` works on
// a bare machine and after a `git pull`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const distDir = process.env.NEXT_DIST_DIR || ".next";
const buildId = path.join(distDir, "BUILD_ID");
const SOURCES = ["app", "components", "lib", "db", "auth.ts", "auth.config.ts", "proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json"];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const sources = Math.max(...SOURCES.map(newestMtime));
if (built && built >= sources) process.exit(0);

console.log(built ? "Sources changed since the last build: rebuilding…" : "First start: building Plumbline (about a minute)…");
const result = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
process.exit(result.status ?? 1);
