/**
 * True when a write broke a unique index (SQLSTATE 23505). Both drivers put
 * the code on the error; drizzle wraps it in `cause`.
 */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint_name: name, constraint: alt, message } = e as { code?: string; constraint_name?: string; constraint?: string; message?: string };
    if (code === "23505") {
      if (!constraint) return true;
      return name === constraint || alt === constraint || Boolean(message?.includes(constraint));
    }
  }
  return false;
}

/** True when a write broke an exclusion constraint (SQLSTATE 23P01): a double booking the database refused. */
export function isExclusionViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: string }).code === "23P01") return true;
  }
  return false;
}

// Connection-level failures of either driver, and the server refusing or
// cancelling work (class 08 connection exceptions; 57P01-57P03 shutting down
// or starting; 57014 a statement timeout).
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "57P01",
  "57P02",
  "57P03",
  "57014",
]);

/** True when a query failed because the database did not answer, not because of what was asked. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || code.startsWith("08"))) return true;
    if (typeof message === "string" && /PGlite is closed|database did not answer in time/i.test(message)) return true;
  }
  return false;
}
