import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chunksOfPage, measureFirstLoad, overBudget, routeOfAppPath } from "@/scripts/js-budget/first-load";

/** A fake Next 16 build: two pages sharing root files and a layout chunk, a route handler, polyfills. */
let dist: string;
const files: Record<string, string> = {
  "static/chunks/root-a.js": "console.log('react');".repeat(400),
  "static/chunks/root-b.js": "var next=1;",
  "static/chunks/layout.js": "export const layout = 'shared by both pages';".repeat(50),
  "static/chunks/heavy.js": Array.from({ length: 4000 }, (_, i) => `v${i}=${(i * 7919) % 10007};`).join(""),
  "static/chunks/light.js": "export const light = 1;",
  "static/chunks/polyfills.js": "polyfill();".repeat(1000),
  "static/css/app.css": "body{color:red}",
};
const gz = (name: string) => gzipSync(Buffer.from(files[name]!), { level: 9 }).length;

function writeManifest(appPath: string, entryJSFiles: Record<string, string[]>) {
  const file = path.join(dist, "server", "app", `${appPath}_client-reference-manifest.js`);
  mkdirSync(path.dirname(file), { recursive: true });
  const body = { clientModules: {}, entryCSSFiles: {}, entryJSFiles };
  writeFileSync(file, `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(appPath)}] = ${JSON.stringify(body)};\n`);
}

beforeAll(() => {
  dist = mkdtempSync(path.join(tmpdir(), "js-budget-"));
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dist, name)), { recursive: true });
    writeFileSync(path.join(dist, name), body);
  }
  mkdirSync(path.join(dist, "server"), { recursive: true });
  writeFileSync(
    path.join(dist, "build-manifest.json"),
    JSON.stringify({ polyfillFiles: ["static/chunks/polyfills.js"], rootMainFiles: ["static/chunks/root-a.js", "static/chunks/root-b.js"] }),
  );
  writeFileSync(
    path.join(dist, "server", "app-paths-manifest.json"),
    JSON.stringify({
      "/(clinic)/patients/[id]/progress/page": "app/(clinic)/patients/[id]/progress/page.js",
      "/(auth)/login/page": "app/(auth)/login/page.js",
      "/api/health/route": "app/api/health/route.js",
    }),
  );
  writeManifest("/(clinic)/patients/[id]/progress/page", {
    "[project]/app/layout": ["static/chunks/layout.js", "static/css/app.css"],
    "[project]/app/(clinic)/error": ["static/chunks/layout.js", "static/chunks/light.js"],
    "[project]/app/(clinic)/patients/[id]/progress/page": ["static/chunks/layout.js", "static/chunks/heavy.js"],
  });
  writeManifest("/(auth)/login/page", {
    "[project]/app/layout": ["static/chunks/layout.js"],
    "[project]/app/(auth)/login/page": ["static/chunks/layout.js", "static/chunks/light.js"],
  });
});

afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe("routeOfAppPath", () => {
  it("drops route groups and the page segment", () => {
    expect(routeOfAppPath("/(clinic)/patients/[id]/progress/page")).toBe("/patients/[id]/progress");
    expect(routeOfAppPath("/(clinic)/page")).toBe("/");
    expect(routeOfAppPath("/_not-found/page")).toBe("/_not-found");
  });
});

describe("chunksOfPage", () => {
  it("counts each JS file once, across root files and every segment, and no CSS", () => {
    expect(chunksOfPage(["r.js"], { a: ["x.js", "r.js", "s.css"], b: ["x.js", "y.js"] })).toEqual(["r.js", "x.js", "y.js"]);
  });
});

describe("measureFirstLoad on a fixture build", () => {
  it("sums the gzip size of the root files and the page's segments, largest page first", () => {
    const rows = measureFirstLoad(dist);
    expect(rows.map((r) => r.route)).toEqual(["/patients/[id]/progress", "/login"]);
    const shared = gz("static/chunks/root-a.js") + gz("static/chunks/root-b.js") + gz("static/chunks/layout.js");
    expect(rows[0]!.gzipBytes).toBe(shared + gz("static/chunks/light.js") + gz("static/chunks/heavy.js"));
    expect(rows[1]!.gzipBytes).toBe(shared + gz("static/chunks/light.js"));
    expect(rows[1]!.chunks).not.toContain("static/chunks/polyfills.js");
  });

  it("fails the page over budget and only that one", () => {
    const rows = measureFirstLoad(dist);
    const budget = rows[1]!.gzipBytes + 1;
    expect(overBudget(rows, budget).map((r) => r.route)).toEqual(["/patients/[id]/progress"]);
    expect(overBudget(rows, rows[0]!.gzipBytes)).toEqual([]);
  });

  it("refuses a folder without a build", () => {
    expect(() => measureFirstLoad(path.join(dist, "nothing-here"))).toThrow(/No production build/);
  });
});
