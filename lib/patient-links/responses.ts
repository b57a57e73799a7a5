import { createNonce } from "@/lib/security/headers";
import { html, renderDocument } from "./html";
import type { LinkOutcome } from "./gate";

/**
 * Headers of every answer under /p/<token>: the token is in the address, so
 * no page, picture or request under it may send that address on as a
 * Referer; nothing is kept by shared caches or indexed.
 */
export const LINK_HEADERS: Readonly<Record<string, string>> = {
  "referrer-policy": "no-referrer",
  "x-robots-tag": "noindex, nofollow",
  "cache-control": "private, no-store",
};

/** The nonce the proxy put in this request's policy (lib/security/headers.ts, patient variant). */
export function readNonce(request: Request): string {
  return request.headers.get("x-nonce") ?? createNonce();
}

export function respondLinkHtml(status: number, page: string): Response {
  return new Response(page, { status, headers: { ...LINK_HEADERS, "content-type": "text/html; charset=utf-8" } });
}

const REFUSALS = {
  throttled: { status: 429, title: "Too many tries", message: "This phone or network has tried too many links. Wait 15 minutes and try again." },
  unknown: { status: 404, title: "Link not found", message: "This link does not work. Check that it was copied whole, or ask your clinic for a new one." },
  // A revoked link answers exactly like one that never was: revoking must not confirm that a link existed.
  revoked: { status: 404, title: "Link not found", message: "This link does not work. Check that it was copied whole, or ask your clinic for a new one." },
  expired: { status: 410, title: "This link has expired", message: "Links end at your programme's review date. Ask your clinic for a new one." },
} as const;

/** The plain page (or JSON, for the phone's queue) for a link that does not open. */
export function respondLinkRefused(kind: Exclude<LinkOutcome["kind"], "open">, request: Request, json = false): Response {
  const r = REFUSALS[kind];
  const headers: Record<string, string> = { ...LINK_HEADERS, ...(kind === "throttled" ? { "retry-after": "900" } : {}) };
  if (json) return Response.json({ error: r.message, kind }, { status: r.status, headers });
  const page = renderDocument({ title: r.title, nonce: readNonce(request), body: html`<h1>${r.title}</h1><p>${r.message}</p>` });
  return new Response(page, { status: r.status, headers: { ...headers, "content-type": "text/html; charset=utf-8" } });
}
