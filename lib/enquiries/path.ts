/** The public enquiry pages, /enquire/<clinic-slug>: no staff session, the patient pages' policy (proxy.ts). */
export function isEnquiryPath(pathname: string): boolean {
  return pathname === "/enquire" || pathname.startsWith("/enquire/");
}
