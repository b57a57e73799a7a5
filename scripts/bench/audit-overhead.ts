import { performance } from "node:perf_hooks";
import type { Database } from "@/db/client";
import type { Scope } from "@/lib/auth/scope-types";

export type Timing = { p50: number; p95: number; n: number };
export type AuditOverhead = { withAudit: Timing; withoutAudit: Timing; p50Percent: number; p95Percent: number };

export function summarize(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { p50: at(50), p95: at(95), n: sorted.length };
}

export async function runConcurrently(count: number, concurrency: number, fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  let started = 0;
  const worker = async () => {
    while (started < count) {
      started += 1;
      const t = performance.now();
      await fn();
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return times;
}

/**
 * The progress page's query path with and without its audit insert, at the
 * same concurrency as the HTTP runs, in alternating rounds so drift in the
 * machine's load hits both alike.
 */
export async function measureAuditOverhead(
  db: Database,
  scope: Scope,
  variants: { withAudit: (db: Database, scope: Scope) => Promise<unknown>; withoutAudit: (db: Database, scope: Scope) => Promise<unknown> },
  opts: { rounds: number; perRound: number; concurrency: number },
): Promise<AuditOverhead> {
  const withTimes: number[] = [];
  const withoutTimes: number[] = [];
  await runConcurrently(opts.perRound, opts.concurrency, () => variants.withAudit(db, scope)); // warm-up
  for (let r = 0; r < opts.rounds; r++) {
    withTimes.push(...(await runConcurrently(opts.perRound, opts.concurrency, () => variants.withAudit(db, scope))));
    withoutTimes.push(...(await runConcurrently(opts.perRound, opts.concurrency, () => variants.withoutAudit(db, scope))));
  }
  const withAudit = summarize(withTimes);
  const withoutAudit = summarize(withoutTimes);
  return {
    withAudit,
    withoutAudit,
    p50Percent: ((withAudit.p50 - withoutAudit.p50) / withoutAudit.p50) * 100,
    p95Percent: ((withAudit.p95 - withoutAudit.p95) / withoutAudit.p95) * 100,
  };
}
