import autocannon from "autocannon";

export type LoadResult = {
  /** Every response time (ms), ascending. */
  times: number[];
  seconds: number;
  requests: number;
  non2xx: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function summarize(times: number[], seconds: number, non2xx: number, errors: number): LoadResult {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    times: sorted,
    seconds,
    requests: sorted.length,
    non2xx,
    errors,
    rps: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

/** Pools several runs of the same page (taken in alternation with another) into one result. */
export function mergeLoads(runs: LoadResult[]): LoadResult {
  return summarize(
    runs.flatMap((r) => r.times),
    runs.reduce((n, r) => n + r.seconds, 0),
    runs.reduce((n, r) => n + r.non2xx, 0),
    runs.reduce((n, r) => n + r.errors, 0),
  );
}

/**
 * Runs autocannon at `connections` concurrent connections for `seconds` and
 * computes the percentiles from every response time (autocannon's own
 * histogram has no p95).
 */
export function runLoad(opts: { url: string; cookie?: string; connections: number; seconds: number }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    let non2xx = 0;
    const instance = autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        duration: opts.seconds,
        headers: opts.cookie ? { cookie: opts.cookie } : {},
        timeout: 30,
      },
      (err, result) => {
        if (err) return reject(err);
        resolve(summarize(times, opts.seconds, non2xx, result.errors + result.timeouts));
      },
    );
    instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      times.push(responseTime);
      if (statusCode < 200 || statusCode >= 300) non2xx += 1;
    });
  });
}
