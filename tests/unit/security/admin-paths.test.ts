import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ADMIN_ONLY_PATHS, isAdminOnlyPath } from "@/lib/routing/admin-paths";

const APP = path.join(process.cwd(), "app");

/** The URL of every page under app/ whose source calls requireAdminScope. */
function listAdminPages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return listAdminPages(full);
    if (name !== "page.tsx" || !readFileSync(full, "utf8").includes("requireAdminScope(")) return [];
    const url = path
      .relative(APP, dir)
      .split(path.sep)
      .filter((s) => s && !/^\(.*\)$/.test(s))
      .join("/");
    return [`/${url}`];
  });
}

describe("admin-only pages", () => {
  const pages = listAdminPages(APP);

  it("every page that requires an admin is answered 404 by the proxy for others", () => {
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter((p) => !isAdminOnlyPath(p))).toEqual([]);
  });

  it("every listed path is such a page", () => {
    expect([...ADMIN_ONLY_PATHS].sort()).toEqual([...pages].sort());
  });

  it("matches sub-paths, not look-alikes", () => {
    expect(isAdminOnlyPath("/settings/staff")).toBe(true);
    expect(isAdminOnlyPath("/settings/audit/anything")).toBe(true);
    expect(isAdminOnlyPath("/settings")).toBe(false);
    expect(isAdminOnlyPath("/settings/staffroom")).toBe(false);
  });
});
