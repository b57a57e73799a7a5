// Preloaded into the bench's server processes (NODE_OPTIONS=--import, set by
// scripts/bench/server.ts when BENCH_GC_PROBE_DIR is given). On SIGUSR2 it
// runs a full garbage collection and writes process.memoryUsage() to
// <dir>/<pid>.json, so the soak can tell memory the heap would give back from
// memory that stays. Bench-only: never loaded by `npm start`.
import { renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";

const dir = process.env.BENCH_GC_PROBE_DIR;
if (dir) {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc");
  process.on("SIGUSR2", () => {
    const started = Date.now();
    // Twice: the first pass can leave objects that only die once their finalizers ran.
    gc();
    gc();
    const m = process.memoryUsage();
    // BENCH_GC_PROBE_SNAPSHOTS=1: also a heap snapshot per probe, to diff with scripts/bench/heap-diff.ts.
    if (process.env.BENCH_GC_PROBE_SNAPSHOTS === "1") v8.writeHeapSnapshot(path.join(dir, `${process.pid}-${Date.now()}.heapsnapshot`));
    const file = path.join(dir, `${process.pid}.json`);
    writeFileSync(`${file}.tmp`, JSON.stringify({ ...m, gcMs: Date.now() - started, at: Date.now() }));
    renameSync(`${file}.tmp`, file);
  });
}
