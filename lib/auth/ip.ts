import { isIP } from "node:net";

/**
 * The client address for the audit log. scripts/server.mjs rewrites
 * X-Forwarded-For at the door to the one address it vouches for (the socket's
 * peer, or the client N trusted proxies back with TRUST_PROXY=N), so here it is
 * a single value. Under `next dev` there is no such door: development only.
 */
export function readClientIp(headers: Headers): string | null {
  const candidate = headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "";
  const bare = candidate.replace(/^::ffff:/, "");
  return isIP(bare) ? bare : null;
}

/** Whether the request reached us over https (same door: X-Forwarded-Proto is ours). */
export function isHttpsRequest(headers: Headers): boolean {
  return headers.get("x-forwarded-proto") === "https";
}
