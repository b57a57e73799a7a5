/**
 * Where to go after signing in: a path on this site, never another origin.
 * Browsers read `//host`, `/\host` and `\\host` as other sites, and a
 * percent-encoded slash or backslash, a tab or newline can smuggle either past
 * a prefix check, so the value is resolved against a placeholder origin and
 * kept only if it stays there.
 */
const PLACEHOLDER = "https://plumbline.invalid";

export function readSafeNextPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2000) return "/";
  // Decoded once for the checks: "%2F%2Fevil" and "%5Cevil" mean the same as their plain forms to some servers.
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return "/";
  }
  for (const candidate of [value, decoded]) {
    if (/[\\\u0000-\u001f\u007f]/.test(candidate) || candidate.startsWith("//")) return "/";
  }
  try {
    const url = new URL(value, PLACEHOLDER);
    if (url.origin !== PLACEHOLDER) return "/";
    return `${url.pathname}${url.search}${url.hash}` || "/";
  } catch {
    return "/";
  }
}

/** Auth.js sends `callbackUrl` as an absolute URL: its path and query, for readSafeNextPath to judge. */
export function toPathOfThisSite(callbackUrl: string | undefined): string {
  if (!callbackUrl) return "/";
  if (callbackUrl.startsWith("/")) return callbackUrl;
  try {
    const url = new URL(callbackUrl);
    return url.protocol === "http:" || url.protocol === "https:" ? `${url.pathname}${url.search}` : "/";
  } catch {
    return "/";
  }
}
