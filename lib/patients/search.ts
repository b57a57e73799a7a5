import { isValid, parse } from "date-fns";

export type PatientSearch =
  | { kind: "none" }
  | { kind: "dob"; date: string }
  | { kind: "name"; words: string[] };

const DATE_FORMATS = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy"];

/** A search box term is either a date of birth or the start of names. */
export function parsePatientSearch(term: string): PatientSearch {
  const t = term.trim();
  if (!t) return { kind: "none" };
  for (const format of DATE_FORMATS) {
    const d = parse(t, format, new Date(2000, 0, 1));
    if (isValid(d) && d.getFullYear() >= 1900) {
      const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
      return { kind: "dob", date: iso };
    }
  }
  const words = t.toLowerCase().split(/[\s,]+/).filter(Boolean).slice(0, 3);
  return { kind: "name", words };
}

/** Escapes LIKE wildcards so a typed % or _ matches itself. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The least string above every string that starts with `prefix`, in code-point
 * order (which is UTF-8 byte order, the order of `text_pattern_ops`): the last
 * code point raised by one, skipping the surrogates; a last code point of
 * U+10FFFF is dropped and the one before it raised. Null when no such bound
 * exists (the prefix is empty or all U+10FFFF): then nothing bounds the range above.
 */
export function prefixUpperBound(prefix: string): string | null {
  const points = Array.from(prefix, (c) => c.codePointAt(0)!);
  while (points.length > 0) {
    const last = points.pop()!;
    if (last < 0x10ffff) {
      points.push(last === 0xd7ff ? 0xe000 : last + 1);
      return String.fromCodePoint(...points);
    }
  }
  return null;
}
