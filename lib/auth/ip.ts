import { isIP } from "node:net";

/** The client address from proxy headers, if it is a well-formed IP (the audit column is inet). */
export function readClientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const candidate = forwarded || headers.get("x-real-ip")?.trim() || "";
  const bare = candidate.replace(/^::ffff:/, "");
  return isIP(bare) ? bare : null;
}
