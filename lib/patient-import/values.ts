import type { DateFormat } from "./columns";

/**
 * Turns another system's date into the ISO form the patient schema reads. Only
 * the shape is converted: whether it is a real date, not in the future and from
 * 1900 on stays the patient schema's call (its messages become the refusal).
 * A value of another shape passes through unchanged, for the schema to refuse.
 */
export function toIsoDate(raw: string, format: DateFormat): string {
  const v = raw.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(v);
  if (iso) return `${iso[1]}-${iso[2]!.padStart(2, "0")}-${iso[3]!.padStart(2, "0")}`;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (!m || format === "ymd") return v;
  const [day, month] = format === "dmy" ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
  return `${m[3]}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

/**
 * Another system's sex or gender value as one of the registry's four. Blank
 * or "not stated" is unknown; a value other than female or male is other
 * [U: house mapping of free-text gender values].
 */
export function toSex(raw: string): "female" | "male" | "other" | "unknown" {
  const v = raw.trim().toLowerCase();
  if (["f", "female", "woman", "w"].includes(v)) return "female";
  if (["m", "male", "man"].includes(v)) return "male";
  if (["", "u", "unknown", "not stated", "not specified", "prefer not to say", "n/a", "na"].includes(v)) return "unknown";
  return "other";
}
