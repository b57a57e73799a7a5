/**
 * A typed number as forms read it: blank is "not recorded" (null), anything
 * else must read as a plain decimal or becomes NaN, so a schema refuses it at
 * its field instead of guessing (`Number("1e3")`, `Number(" ")` would not).
 */
export function readNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}
