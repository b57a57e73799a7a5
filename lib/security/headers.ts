/**
 * The security headers every response carries. One owner: the proxy applies
 * them to pages, route handlers and redirects; next.config.ts applies the
 * static ones to the build's own files, which the proxy never sees.
 */

/** A fresh, unguessable nonce per request (128 bits, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64");
}

/**
 * Scripts run only with this request's nonce; 'strict-dynamic' lets Next's
 * nonced bootstrap load its own chunks. Styles: stylesheets and <style>
 * elements need the nonce too, but style *attributes* cannot carry a nonce,
 * and React, Radix (popover positioning) and recharts write them into the
 * server-rendered HTML, so only style-src-attr allows 'unsafe-inline'. That is
 * the smallest grant that keeps the app working; attribute styles cannot run
 * code. `next dev` needs 'unsafe-eval' for React's dev tooling, never in production.
 */
export function buildCsp(nonce: string, options: { dev?: boolean; https?: boolean } = {}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'report-sample'${options.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    `style-src-elem 'self' 'nonce-${nonce}' 'report-sample'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/**
 * The policy of the patient pages under /p/<token> (lib/patient-links): they
 * are plain HTML with one script and one <style>, so none of the staff
 * pages' relaxations apply: no inline style attributes, no data: or blob:
 * images, nothing but this origin and this request's nonce.
 */
export function buildPatientCsp(nonce: string, options: { https?: boolean; frameAncestors?: readonly string[] } = {}): string {
  const directives = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "img-src 'self'",
    "media-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    // Only the enquiry form's embeddable variant names a site, the clinic's own (lib/enquiries/embed.ts).
    `frame-ancestors ${options.frameAncestors?.length ? options.frameAncestors.join(" ") : "'none'"}`,
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Patient pages carry the token in their address: it must never travel on as a Referer. */
export const PATIENT_REFERRER_POLICY = "no-referrer";

// Powerful features the app never uses, turned off for it and anything it embeds.
const DISABLED_FEATURES = [
  "accelerometer",
  "ambient-light-sensor",
  "autoplay",
  "bluetooth",
  "browsing-topics",
  "camera",
  "display-capture",
  "encrypted-media",
  "gamepad",
  "geolocation",
  "gyroscope",
  "hid",
  "idle-detection",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "picture-in-picture",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
];

/** Headers that do not depend on the request. */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["X-Frame-Options", "DENY"],
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["Permissions-Policy", DISABLED_FEATURES.map((f) => `${f}=()`).join(", ")],
  ["Cross-Origin-Opener-Policy", "same-origin"],
];

// Two years, the preload list's minimum; only sent over https (browsers ignore it on http).
export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

/**
 * Puts every security header on a response (the CSP given, HSTS when the request was https). With no
 * CSP (`csp: null`), the response's own handler sets it and X-Frame-Options is left off: the embeddable
 * enquiry form, whose policy names the one site that may frame it (X-Frame-Options cannot name a site).
 */
export function applySecurityHeaders(headers: Headers, options: { csp: string | null; https: boolean }): void {
  for (const [name, value] of STATIC_SECURITY_HEADERS) {
    if (options.csp === null && name === "X-Frame-Options") continue;
    headers.set(name, value);
  }
  if (options.csp !== null) headers.set("Content-Security-Policy", options.csp);
  if (options.https) headers.set("Strict-Transport-Security", HSTS_VALUE);
  headers.delete("X-Powered-By");
}
