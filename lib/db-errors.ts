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
