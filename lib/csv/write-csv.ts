import Papa from "papaparse";
import { dateTimeFormat } from "@/lib/format";

export type CsvCell = string | number | boolean | null | undefined;

/**
 * The one CSV writer of every export: the named columns in order, CRLF line
 * ends (RFC 4180), and text a spreadsheet would run as a formula (a cell
 * starting with =, +, -, @, tab or carriage return) neutralised by papaparse's
 * `escapeFormulae`, which prefixes it with a single quote (OWASP CSV injection).
 */
export function writeCsv(fields: readonly string[], rows: readonly Record<string, CsvCell>[]): string {
  return writeCsvArrays(fields, rows.map((r) => fields.map((f) => r[f] ?? "")));
}

/** The same writer for rows given as arrays, in the order of `fields` (headers may repeat, as in an imported file). */
export function writeCsvArrays(fields: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return Papa.unparse({ fields: [...fields], data: rows.map((r) => [...r]) }, { escapeFormulae: true, newline: "\r\n" });
}

/** An instant in a clinic's time zone as a spreadsheet sorts it: "2026-03-01 14:05" (sv-SE). */
export function formatCsvLocalTime(at: Date | number, timeZone: string): string {
  return dateTimeFormat("sv-SE", { timeZone, dateStyle: "short", timeStyle: "short" }).format(new Date(at));
}
