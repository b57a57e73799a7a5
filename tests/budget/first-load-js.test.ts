import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUDGET_BYTES, distDirOf, formatKb, measureFirstLoad, overBudget, readJson } from "@/scripts/js-budget/first-load";

/**
 * The JS budget of issue 11, on the production build the browser tests ran
 * against (`npm run test:budget` builds first only when the build is missing
 * or older than the sources). Deterministic: file sizes, no timing.
 */
const distDir = distDirOf();
const rows = measureFirstLoad(distDir);

describe(`first-load JS of every page (build in ${path.relative(process.cwd(), distDir)})`, () => {
  it("finds the pages of the app", () => {
    const routes = rows.map((r) => r.route);
    for (const route of ["/", "/login", "/patients", "/patients/[id]/progress"]) expect(routes).toContain(route);
  });

  it(`keeps every page within ${formatKb(BUDGET_BYTES)} gzip`, () => {
    expect(overBudget(rows).map((r) => `${r.route}: ${formatKb(r.gzipBytes)}`)).toEqual([]);
  });

  // Next 16 (Turbopack) writes its own raw count; the chunks must be the ones it counts.
  const nextStats = path.join(distDir, "diagnostics", "route-bundle-stats.json");
  it.skipIf(!existsSync(nextStats))("counts the chunks Next itself counts for each page", () => {
    const theirs = readJson<{ route: string; firstLoadUncompressedJsBytes: number }[]>(nextStats);
    const ours = new Map(rows.map((r) => [r.route, r.rawBytes]));
    const compared = theirs.filter((t) => ours.has(t.route));
    expect(compared.length).toBeGreaterThan(10);
    for (const t of compared) expect(ours.get(t.route), t.route).toBe(t.firstLoadUncompressedJsBytes);
  });
});
