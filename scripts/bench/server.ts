import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

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

/**
 * CPU time (user + system, ms) the server's process tree has used so far, from /proc/<pid>/stat
 * (clock ticks of 10 ms). PostgreSQL's own processes are not in the tree.
 */
export function readServerCpuMs(root: number): number {
  // USER_HZ, the unit of these fields, is 100 on Linux whatever the kernel's own tick rate.
  const tick = 10;
  let ticks = 0;
  for (const pid of listProcessTree(root)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // Fields 14 and 15 of stat (utime, stime); the slice starts at field 3.
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended while we looked.
    }
  }
  return ticks * tick;
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

/**
 * The environment that preloads scripts/bench/gc-probe.mjs into the server's processes, so
 * `readAfterFullGc` can ask the serving process for a full collection and its memory after it.
 */
export function withGcProbe(env: NodeJS.ProcessEnv, dir: string): NodeJS.ProcessEnv {
  const preload = `--import ${pathToFileURL(path.join(process.cwd(), "scripts", "bench", "gc-probe.mjs")).href}`;
  return { ...env, BENCH_GC_PROBE_DIR: dir, NODE_OPTIONS: [env.NODE_OPTIONS, preload].filter(Boolean).join(" ") };
}

export type AfterGc = { heapUsedMiB: number; heapTotalMiB: number; externalMiB: number; rssMiB: number; gcMs: number };

/** Forces a full GC in the serving process (the largest in the tree) and reads its memory after it. */
export async function readAfterFullGc(root: number, dir: string): Promise<AfterGc> {
  const pids = listProcessTree(root);
  const pid = pids.reduce((best, p) => (kb(readStatus(p).VmRSS) > kb(readStatus(best).VmRSS) ? p : best), root);
  const file = path.join(dir, `${pid}.json`);
  const asked = Date.now();
  process.kill(pid, "SIGUSR2");
  const deadline = asked + 120_000;
  const read = () => (existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as NodeJS.MemoryUsage & { gcMs: number; at: number }) : undefined);
  let m = read();
  while (!m || m.at < asked) {
    if (Date.now() > deadline) throw new Error(`the server (pid ${pid}) wrote no memory report within 120 s: is gc-probe.mjs preloaded?`);
    await new Promise((r) => setTimeout(r, 100));
    m = read();
  }
  const mib = (n: number) => n / 1048576;
  return { heapUsedMiB: mib(m.heapUsed), heapTotalMiB: mib(m.heapTotal), externalMiB: mib(m.external), rssMiB: mib(m.rss), gcMs: m.gcMs };
}
