// Compares two V8 heap snapshots (written by gc-probe.mjs with BENCH_GC_PROBE_SNAPSHOTS=1):
// which kinds of object grew, by count and self size, and what holds the new ones.
// `npx tsx scripts/bench/heap-diff.ts before.heapsnapshot after.heapsnapshot [top=15]`
import { readFileSync } from "node:fs";

type Snapshot = {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
};

function load(file: string) {
  const s = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
  const nf = s.snapshot.meta.node_fields.length;
  const ef = s.snapshot.meta.edge_fields.length;
  const types = s.snapshot.meta.node_types[0];
  const edgeTypes = s.snapshot.meta.edge_types[0];
  const [T, N, SIZE, EC] = ["type", "name", "self_size", "edge_count"].map((f) => s.snapshot.meta.node_fields.indexOf(f)) as [number, number, number, number];
  const [ET, EN, TO] = ["type", "name_or_index", "to_node"].map((f) => s.snapshot.meta.edge_fields.indexOf(f)) as [number, number, number];
  const count = s.nodes.length / nf;
  const key = (i: number) => {
    const type = types[s.nodes[i * nf + T]!]!;
    return type === "object" || type === "closure" ? `${type} ${s.strings[s.nodes[i * nf + N]!]}` : `(${type})`;
  };
  const byKey = new Map<string, { count: number; size: number }>();
  for (let i = 0; i < count; i++) {
    const k = key(i);
    const e = byKey.get(k) ?? { count: 0, size: 0 };
    e.count += 1;
    e.size += s.nodes[i * nf + SIZE]!;
    byKey.set(k, e);
  }
  /** For every node of kind `wanted`, what points at it: "holder kind .edge". */
  const retainers = (wanted: string) => {
    const out = new Map<string, number>();
    let edge = 0;
    for (let i = 0; i < count; i++) {
      const n = s.nodes[i * nf + EC]!;
      for (let j = 0; j < n; j++, edge++) {
        const to = s.edges[edge * ef + TO]! / nf;
        if (key(to) !== wanted) continue;
        const et = edgeTypes[s.edges[edge * ef + ET]!];
        if (et === "weak") continue;
        const name = et === "element" || et === "hidden" ? `[${et}]` : String(s.strings[s.edges[edge * ef + EN]!]);
        const k = `${key(i)} .${name}`;
        out.set(k, (out.get(k) ?? 0) + 1);
      }
    }
    return [...out].sort((a, b) => b[1] - a[1]).slice(0, 6);
  };
  /** The shortest chain of strong references from the GC roots to a few nodes of kind `wanted`. */
  const pathsTo = (wanted: string, howMany = 3) => {
    const firstEdge = new Int32Array(count + 1);
    for (let i = 0, e = 0; i < count; i++) {
      firstEdge[i] = e;
      e += s.nodes[i * nf + EC]!;
    }
    firstEdge[count] = s.edges.length / ef;
    const parent = new Int32Array(count).fill(-1);
    const via = new Int32Array(count).fill(-1);
    parent[0] = 0;
    const queue = [0];
    const found: number[] = [];
    for (let qi = 0; qi < queue.length && found.length < howMany; qi++) {
      const i = queue[qi]!;
      for (let e = firstEdge[i]!; e < firstEdge[i + 1]!; e++) {
        if (edgeTypes[s.edges[e * ef + ET]!] === "weak") continue;
        const to = s.edges[e * ef + TO]! / nf;
        if (parent[to] !== -1) continue;
        parent[to] = i;
        via[to] = e;
        queue.push(to);
        if (key(to) === wanted) found.push(to);
      }
    }
    return found.map((n) => {
      const chain: string[] = [];
      for (let i = n; i !== 0; i = parent[i]!) {
        const e = via[i]!;
        const et = edgeTypes[s.edges[e * ef + ET]!];
        const name = et === "element" || et === "hidden" ? `[${s.edges[e * ef + EN]}]` : String(s.strings[s.edges[e * ef + EN]!]);
        chain.unshift(`${key(parent[i]!)} --${name}-->`);
      }
      return [...chain, wanted].join("\n    ");
    });
  };
  return { byKey, retainers, pathsTo };
}

const [a, b, topArg, pathKind] = process.argv.slice(2);
if (!a || !b) throw new Error("usage: heap-diff.ts before.heapsnapshot after.heapsnapshot [top]");
const before = load(a);
const after = load(b);
const growth = [...after.byKey].map(([k, v]) => {
  const was = before.byKey.get(k) ?? { count: 0, size: 0 };
  return { k, dCount: v.count - was.count, dSize: v.size - was.size, count: v.count };
});
growth.sort((x, y) => y.dSize - x.dSize);
const top = growth.slice(0, Number(topArg ?? 15));
for (const g of top) console.log(`${(g.dSize / 1048576).toFixed(1).padStart(7)} MiB  ${String(g.dCount).padStart(8)} more (${g.count})  ${g.k}`);
for (const g of top.slice(0, 6)) {
  console.log(`\nheld by (${g.k}):`);
  for (const [r, n] of after.retainers(g.k)) console.log(`  ${String(n).padStart(8)}  ${r}`);
}
if (pathKind) {
  // Grouped by the chain with the root's slot numbers taken out, most common first.
  const groups = new Map<string, number>();
  for (const p of after.pathsTo(pathKind, 100_000)) {
    if (process.env.MATCH && !p.includes(process.env.MATCH)) continue;
    // Only the first and last few links: enough to tell one retention path from another.
    const links = p.replace(/\[\d+\]|--\d+-->/g, "[n]").split("\n    ");
    const k = process.env.HEAD ? links.slice(0, Number(process.env.HEAD)).join("\n    ") : links.length > 14 && !process.env.FULL ? [...links.slice(0, 9), "…", ...links.slice(-4)].join("\n    ") : links.join("\n    ");
    groups.set(k, (groups.get(k) ?? 0) + 1);
  }
  console.log(`${[...groups.values()].reduce((a, b) => a + b, 0)} reachable by strong references`);
  for (const [p, n] of [...groups].sort((x, y) => y[1] - x[1]).slice(0, Number(process.env.GROUPS ?? 5))) console.log(`\n${n} x path to ${pathKind}:\n    ${p}`);
}
