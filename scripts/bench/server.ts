import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

/** Builds the app into `distDir` when sources changed (scripts/prestart.mjs), like `npm start` does. */
export function buildIfNeeded(env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, ["scripts/prestart.mjs"], { stdio: "inherit", env });
  if (result.status !== 0) throw new Error("the build failed");
}

export type Server = { child: ChildProcess; baseUrl: string; stop: () => Promise<void> };

/** Starts the production server (scripts/start.mjs) and waits for /api/health. */
export async function startServer(env: NodeJS.ProcessEnv, port: number): Promise<Server> {
  const child = spawn(process.execPath, ["scripts/start.mjs"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${log}`);
    const ok = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`the server did not answer /api/health within 60 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  };
  return { child, baseUrl, stop };
}

function readStatus(pid: number): Record<string, string> {
  try {
    const text = readFileSync(`/proc/${pid}/status`, "utf8");
    return Object.fromEntries(text.split("\n").map((l) => l.split(":\t").map((s) => s.trim()) as [string, string]));
  } catch {
    return {};
  }
}

/** The process and all its descendants (start.mjs spawns `next start`, which serves in its own process). */
export function listProcessTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(path.join("/proc", entry, "stat"), "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  return tree;
}

const kb = (v: string | undefined) => Number((v ?? "0").replace(/\D/g, "")) / 1024;

/** Resident memory now and the high-water mark (MiB) of the largest process in the server's tree. */
export function readServerMemory(root: number): { rssMiB: number; peakMiB: number } {
  let rssMiB = 0;
  let peakMiB = 0;
  for (const pid of listProcessTree(root)) {
    const s = readStatus(pid);
    rssMiB = Math.max(rssMiB, kb(s.VmRSS));
    peakMiB = Math.max(peakMiB, kb(s.VmHWM));
  }
  return { rssMiB, peakMiB };
}
