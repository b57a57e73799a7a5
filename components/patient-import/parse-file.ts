import { IMPORT_MAX_COLUMNS, IMPORT_MAX_FILE_BYTES, IMPORT_MAX_ROWS, STAGE_CHUNK_BYTES, STAGE_CHUNK_ROWS } from "@/lib/patient-import/limits";

export type ParsedFile = { headers: string[]; rows: string[][] };

/** Reads a CSV file in the browser (papaparse, loaded on first use); the refusal says what to fix. */
export async function parseCsvFile(file: File): Promise<ParsedFile | { error: string }> {
  if (file.size > IMPORT_MAX_FILE_BYTES) return { error: `The file is larger than ${IMPORT_MAX_FILE_BYTES / 1024 / 1024} MB: split it and import the parts one after the other.` };
  if (file.size === 0) return { error: "The file is empty." };
  const { default: Papa } = await import("papaparse");
  const text = await file.text();
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
  const [headerRow, ...rows] = result.data;
  if (!headerRow || headerRow.every((h) => h.trim() === "")) return { error: "The file has no header row. The first line must name the columns." };
  if (headerRow.length > IMPORT_MAX_COLUMNS) return { error: `The file has more than ${IMPORT_MAX_COLUMNS} columns.` };
  if (rows.length === 0) return { error: "The file has no rows below its header." };
  if (rows.length > IMPORT_MAX_ROWS) return { error: `The file has ${rows.length.toLocaleString("en")} rows; one import takes at most ${IMPORT_MAX_ROWS.toLocaleString("en")}. Split it.` };
  const huge = rows.findIndex((r) => JSON.stringify(r).length > STAGE_CHUNK_BYTES);
  if (huge >= 0) return { error: `Row ${huge + 1} holds more than ${Math.floor(STAGE_CHUNK_BYTES / 1000)} kB of text: is the file a CSV with one patient per line?` };
  return { headers: headerRow.map((h) => h.trim()), rows };
}

/** Cuts the rows into chunks small enough for one request each. */
export function chunkRows(rows: readonly string[][]): string[][][] {
  const chunks: string[][][] = [];
  let current: string[][] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = JSON.stringify(row).length;
    if (current.length > 0 && (current.length >= STAGE_CHUNK_ROWS || bytes + size > STAGE_CHUNK_BYTES)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
