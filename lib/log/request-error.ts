import { logger } from "./logger";

type ErrorContext = { routePath?: string; routeType?: string; routerKind?: string };

/**
 * One structured line per failed request. The route's pattern, never the URL
 * (a query string can hold a search term); for a database error its code,
 * table and statement fingerprint (db/query-errors.ts), never its values.
 */
export function logRequestError(err: unknown, request: { method?: string }, context: ErrorContext): void {
  const e = (err ?? {}) as { name?: string; digest?: string; code?: unknown; table?: unknown; fingerprint?: unknown; statement?: unknown };
  logger.error(
    {
      event: "request_error",
      method: request.method,
      route: context.routePath,
      routeType: context.routeType,
      error: e.name ?? "Error",
      digest: e.digest,
      ...(e.name === "DatabaseQueryError" ? { db: { code: e.code, table: e.table, statement: e.statement, fingerprint: e.fingerprint } } : {}),
    },
    "request failed",
  );
}
