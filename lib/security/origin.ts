const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A write (server action, form post, route) sent from another site. Next
 * refuses such server actions itself, but with a 500; we answer 403 before it
 * gets there. The host is the one the request was addressed to: X-Forwarded-Host
 * survives only when TRUST_PROXY vouches for it (scripts/server.mjs).
 */
export function isForeignOriginWrite(method: string, headers: Headers): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const origin = headers.get("origin");
  // No Origin header: not a browser cross-site request (browsers send it on every cross-origin POST).
  if (!origin) return false;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (origin === "null") return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
