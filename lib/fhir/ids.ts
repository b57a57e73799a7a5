import { createHash } from "node:crypto";

/**
 * A stable resource id for a record that has no id of its own (a measurement
 * inside an assessment): UUID-shaped, from a SHA-1 of its parts (as RFC 4122
 * version 5 does), so exporting twice gives the same ids.
 */
export function deriveId(...parts: string[]): string {
  const hex = createHash("sha1").update(parts.join("\u0000")).digest("hex");
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
