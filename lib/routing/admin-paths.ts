/**
 * Pages only a clinic's admins may open. The proxy answers 404 to anyone else
 * before the page streams, by the role in the database (a token's role can be
 * stale); the pages still call requireAdminScope themselves. A unit test fails
 * for a page that calls requireAdminScope and is missing here.
 */
export const ADMIN_ONLY_PATHS = ["/settings/staff", "/settings/audit", "/settings/clinical", "/settings/import", "/settings/benchmarks", "/settings/calendar", "/settings/email", "/settings/enquiries"] as const;

export function isAdminOnlyPath(pathname: string): boolean {
  return ADMIN_ONLY_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}
