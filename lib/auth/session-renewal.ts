/**
 * When the proxy re-issues the session cookie. Auth.js re-encrypts the JWT and
 * sets the cookie again on every request it sees (its `session.updateAge`
 * only throttles database sessions: @auth/core lib/actions/session.js). Here
 * the same rule is applied to the JWT: a token is renewed once it is older
 * than `updateAge`; until then the proxy drops the fresh copy, so most
 * responses carry no Set-Cookie at all.
 *
 * What that does to the idle timeout: a session now ends between
 * `maxAge - updateAge` and `maxAge` after the last request (25 to 30 minutes
 * at the default 30), never later. The absolute lifetime (AUTH_MAX_HOURS) is
 * untouched: the jwt callback and the auth_session row check it on every request.
 */

/** A sixth of the idle window: 5 minutes at the default 30. */
export function sessionUpdateAgeSeconds(maxAgeSeconds: number): number {
  return Math.floor(maxAgeSeconds / 6);
}

/** True when a token expiring at `exp` (seconds since the epoch) is old enough to be re-issued. */
export function isRenewalDue(exp: number | undefined, now: number, maxAgeSeconds: number, updateAgeSeconds: number): boolean {
  if (typeof exp !== "number" || !Number.isFinite(exp)) return true;
  const issuedAt = exp - maxAgeSeconds;
  return now - issuedAt >= updateAgeSeconds;
}

/** Session-token cookies are named `authjs.session-token`, with a `__Secure-` prefix on HTTPS and `.0`, `.1` when chunked. */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?=/;

/**
 * Removes the renewed session cookie from a response, keeping every other
 * Set-Cookie. A cookie that clears the session (empty value) is kept.
 */
export function dropSessionRenewal(headers: Headers): void {
  const cookies = headers.getSetCookie();
  const kept = cookies.filter((c) => !SESSION_COOKIE.test(c) || /^[^=]+=;/.test(c));
  if (kept.length === cookies.length) return;
  headers.delete("set-cookie");
  for (const c of kept) headers.append("set-cookie", c);
}

/** Marker from the proxy's session handler to its outer layer: this request's token is fresh. */
export const SESSION_FRESH_HEADER = "x-plumbline-session-fresh";
