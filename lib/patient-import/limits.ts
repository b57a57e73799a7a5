/** Largest file the import reads, checked in the browser before parsing [U: house limit; a 10,000-patient Cliniko export is about 3 MB]. */
export const IMPORT_MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Most data rows one import takes [U: house limit, twice the benchmarked 10,000]. */
export const IMPORT_MAX_ROWS = 20_000;
/** Most columns a file may have [U: house limit; Cliniko's export runs to column AL and beyond]. */
export const IMPORT_MAX_COLUMNS = 200;
/** The browser sends the file to the server in chunks of at most this many rows… */
export const STAGE_CHUNK_ROWS = 1000;
/** …and at most about this many bytes, well under the 1 MB action body limit (lib/outage/limits.ts). */
export const STAGE_CHUNK_BYTES = 600_000;
