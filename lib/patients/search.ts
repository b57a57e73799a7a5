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
