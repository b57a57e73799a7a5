/** The public enquiry pages, /enquire/<clinic-slug>: no staff session, the patient pages' policy (proxy.ts). */
export function isEnquiryPath(pathname: string): boolean {
  return pathname === "/enquire" || pathname.startsWith("/enquire/");
}

/** The embeddable variant, /enquire/<slug>/embed: framable by the clinic's own site only (its route sets the policy). */
export function isEnquiryEmbedPath(pathname: string): boolean {
  return /^\/enquire\/[^/]+\/embed\/?$/.test(pathname);
}
