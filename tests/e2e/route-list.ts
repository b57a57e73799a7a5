import { readdirSync } from "node:fs";
import path from "node:path";

/** A page or route handler under app/, as its URL pattern: `/patients/[id]/programmes/[programmeId]`. */
export type AppRoute = { pattern: string; kind: "page" | "route"; params: string[] };

/** Every page.tsx and route.ts under app/, route groups dropped: the list a new route joins by being written. */
export function listAppRoutes(appDir = path.resolve("app")): AppRoute[] {
  const routes: AppRoute[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const isGroup = /^\(.*\)$/.test(entry.name);
        walk(path.join(dir, entry.name), isGroup ? segments : [...segments, entry.name]);
      } else if (/^(page|route)\.(tsx|ts|jsx|js)$/.test(entry.name)) {
        const pattern = "/" + segments.join("/");
        const params = segments.filter((s) => s.startsWith("[")).map((s) => s.replace(/^\[+(\.\.\.)?|\]+$/g, ""));
        routes.push({ pattern, kind: entry.name.startsWith("page") ? "page" : "route", params });
      }
    }
  };
  walk(appDir, []);
  return routes.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** A regex matching concrete paths of a pattern, capturing each parameter by name. */
export function patternToRegex(pattern: string): RegExp {
  const body = pattern
    .split("/")
    .map((s) => (s.startsWith("[") ? `(?<${s.replace(/[^\w]/g, "")}>[^/?#]+)` : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${body}$`);
}

/** The pattern with its parameters filled in. */
export function fillPattern(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for [${name}] in ${pattern}`);
    return encodeURIComponent(value);
  });
}
