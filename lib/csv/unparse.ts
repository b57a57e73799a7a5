import Papa from "papaparse";

/**
 * The one way the app writes CSV: CRLF lines, and text cells a spreadsheet
 * would run as a formula (starting with =, +, -, @, tab or carriage return)
 * escaped with a leading quote (papaparse's `escapeFormulae`).
 */
export function unparseCsv(fields: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return Papa.unparse({ fields: [...fields], data: rows.map((r) => [...r]) }, { escapeFormulae: true, newline: "\r\n" });
}
