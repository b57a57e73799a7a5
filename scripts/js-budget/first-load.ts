import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

/**
 * First-load JS of every App Router page, read from a production build the
 * way Next 16 itself counts it (node_modules/next/dist/build/route-bundle-stats.js,
 * which writes only raw sizes): the build manifest's `rootMainFiles` plus the
 * union of every segment's `entryJSFiles` (layouts, error and not-found
 * boundaries, the page) in the page's client reference manifest. Sizes are
 * gzip level 9 of each file, counted once per route; polyfills are left out
 * (they load only in browsers without ES modules). 1 kB = 1000 bytes, as
 * Next prints it.
 */
export const BUDGET_BYTES = 200_000;

export type RouteFirstLoad = { route: string; appPath: string; chunks: string[]; gzipBytes: number; rawBytes: number };

type BuildManifest = { rootMainFiles?: string[] };
type ClientReferenceManifest = { entryJSFiles?: Record<string, string[]> };

/** "/(clinic)/patients/[id]/progress/page" -> "/patients/[id]/progress" (route groups leave no trace in the URL). */
export function routeOfAppPath(appPath: string): string {
  const segments = appPath
    .split("/")
    .filter((s) => s !== "" && !(s.startsWith("(") && s.endsWith(")")) && !s.startsWith("@"));
  segments.pop();
  return `/${segments.join("/")}`;
}

/** The JS chunks a first visit to the page loads: shared root files, then each segment's, once each. */
export function chunksOfPage(rootMainFiles: readonly string[], entryJSFiles: Record<string, readonly string[]>): string[] {
  const all = [...rootMainFiles, ...Object.values(entryJSFiles).flat()].filter((f) => f.endsWith(".js"));
  return [...new Set(all)].sort();
}

/** Evaluates a `*_client-reference-manifest.js` (it assigns `globalThis.__RSC_MANIFEST[appPath]`) in a sandbox. */
export function readClientReferenceManifest(file: string, appPath: string): ClientReferenceManifest | undefined {
  const sandbox: { __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
  runInNewContext(readFileSync(file, "utf8"), sandbox, { filename: file });
  return sandbox.__RSC_MANIFEST?.[appPath];
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

/** Every page of the build (route handlers ship no JS) with its chunks and gzip size, largest first. */
export function measureFirstLoad(distDir: string): RouteFirstLoad[] {
  const buildManifestFile = path.join(distDir, "build-manifest.json");
  const appPathsFile = path.join(distDir, "server", "app-paths-manifest.json");
  for (const f of [buildManifestFile, appPathsFile]) {
    if (!existsSync(f)) throw new Error(`No production build in ${distDir}: ${path.basename(f)} is missing (run \`next build\`).`);
  }
  const rootMainFiles = readJson<BuildManifest>(buildManifestFile).rootMainFiles ?? [];
  if (rootMainFiles.length === 0) throw new Error(`build-manifest.json in ${distDir} lists no rootMainFiles: not an App Router build of Next 16?`);
  const appPaths = Object.keys(readJson<Record<string, string>>(appPathsFile)).filter((p) => p.endsWith("/page") && !p.startsWith("/_global-error"));

  const sizes = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = (chunk: string) => {
    let size = sizes.get(chunk);
    if (!size) {
      const bytes = readFileSync(path.join(distDir, chunk));
      size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
      sizes.set(chunk, size);
    }
    return size;
  };

  const rows = appPaths.map((appPath) => {
    const manifestFile = path.join(distDir, "server", "app", `${appPath}_client-reference-manifest.js`);
    const manifest = readClientReferenceManifest(manifestFile, appPath);
    if (!manifest?.entryJSFiles) throw new Error(`${manifestFile} has no entryJSFiles for ${appPath}.`);
    const chunks = chunksOfPage(rootMainFiles, manifest.entryJSFiles);
    const total = chunks.reduce((acc, c) => ({ raw: acc.raw + sizeOf(c).raw, gzip: acc.gzip + sizeOf(c).gzip }), { raw: 0, gzip: 0 });
    return { route: routeOfAppPath(appPath), appPath, chunks, gzipBytes: total.gzip, rawBytes: total.raw };
  });
  return rows.sort((a, b) => b.gzipBytes - a.gzipBytes || a.route.localeCompare(b.route));
}

export function overBudget(rows: readonly RouteFirstLoad[], budget = BUDGET_BYTES): RouteFirstLoad[] {
  return rows.filter((r) => r.gzipBytes > budget);
}

export const formatKb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** The build folder the app was built into (next.config.ts reads the same variable). */
export const distDirOf = (root = process.cwd()) => path.resolve(root, process.env.NEXT_DIST_DIR || ".next");

/** Patient-facing pages (issue 12: patients on slow phones) get a tighter budget. */
export const PATIENT_BUDGET_BYTES = 120_000;
/** URL prefixes of the patient-facing pages. */
export const PATIENT_ROUTE_PREFIXES = ["/p/", "/enquire/"];

export function isPatientRoute(route: string): boolean {
  return PATIENT_ROUTE_PREFIXES.some((p) => route.startsWith(p));
}

/**
 * The JS a server-rendered HTML page loads: each `<script src>` (a file under
 * public/, gzip level 9) plus every inline script. The patient pages are
 * plain HTML from route handlers (lib/patient-links/html.ts), so the build's
 * manifests do not list them: their markup is what they load.
 */
export function measureHtmlScripts(html: string, publicDir: string): { scripts: string[]; gzipBytes: number } {
  const scripts: string[] = [];
  let gzipBytes = 0;
  for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(attrs ?? "")?.[1];
    if (src) {
      if (!src.startsWith("/")) throw new Error(`a patient page loads a script from elsewhere: ${src}`);
      scripts.push(src);
      gzipBytes += gzipSync(readFileSync(path.join(publicDir, src)), { level: 9 }).length;
    } else if (body?.trim()) {
      scripts.push("(inline)");
      gzipBytes += gzipSync(Buffer.from(body), { level: 9 }).length;
    }
  }
  return { scripts, gzipBytes };
}
