/** Who the passkeys belong to: this site's host, as the browser sees it. */
export type RelyingParty = { id: string; name: string; origin: string };

export const RP_NAME = "Plumbline";

/**
 * The relying party from the request. The browser signs the page's origin
 * into every WebAuthn answer; we accept only the origin the request came
 * from, and only when it is the host being asked (no cross-site request).
 */
export function readRelyingParty(headers: Headers): RelyingParty | null {
  const host = headers.get("host");
  const origin = headers.get("origin");
  if (!host || !origin) return null;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return null;
  }
  if (url.host !== host) return null;
  return { id: url.hostname, name: RP_NAME, origin: url.origin };
}
