import { and, asc, count, desc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { patientImportRows, patientImports, type ImportRowStatus, type PatientImport, type StagedPatient } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { writeCsvArrays } from "@/lib/csv/write-csv";
import { NotFoundError, isUuid } from "@/lib/errors";

export const PREVIEW_PAGE_SIZE = 50;

/** The clinic's import in progress or last finished, while it lasts (a day). */
export async function getCurrentImport(db: Queryable, scope: Scope): Promise<PatientImport | null> {
  const [row] = await db
    .select()
    .from(patientImports)
    .where(and(eq(patientImports.clinicId, scope.clinicId), gt(patientImports.expiresAt, sql`now()`)))
    .orderBy(desc(patientImports.createdAt))
    .limit(1);
  return row ?? null;
}

export async function getImport(db: Queryable, scope: Scope, importId: string): Promise<PatientImport> {
  if (!isUuid(importId)) throw new NotFoundError("Import");
  const [row] = await db
    .select()
    .from(patientImports)
    .where(and(eq(patientImports.id, importId), eq(patientImports.clinicId, scope.clinicId), gt(patientImports.expiresAt, sql`now()`)));
  if (!row) throw new NotFoundError("Import");
  return row;
}

export type PreviewRow = { rowNumber: number; raw: string[]; patient: StagedPatient | null; reasons: string[] | null };

/** One page of an import's staged rows of the given kinds, in file order. */
export async function listImportRows(
  db: Queryable,
  scope: Scope,
  importId: string,
  statuses: readonly ImportRowStatus[],
  page = 1,
): Promise<{ rows: PreviewRow[]; total: number }> {
  const where = and(eq(patientImportRows.clinicId, scope.clinicId), eq(patientImportRows.importId, importId), inArray(patientImportRows.status, [...statuses]));
  const [rows, [totals]] = await Promise.all([
    db
      .select({ rowNumber: patientImportRows.rowNumber, raw: patientImportRows.raw, patient: patientImportRows.patient, reasons: patientImportRows.reasons })
      .from(patientImportRows)
      .where(where)
      .orderBy(asc(patientImportRows.rowNumber))
      .limit(PREVIEW_PAGE_SIZE)
      .offset((page - 1) * PREVIEW_PAGE_SIZE),
    db.select({ n: count() }).from(patientImportRows).where(where),
  ]);
  return { rows, total: totals?.n ?? 0 };
}

/** The rows that were not imported, each with its reasons first, then the file's own columns as they were. */
export async function buildSkippedCsv(db: Queryable, scope: Scope, importId: string): Promise<{ csv: string; rows: number }> {
  const imp = await getImport(db, scope, importId);
  const rows = await db
    .select({ rowNumber: patientImportRows.rowNumber, raw: patientImportRows.raw, reasons: patientImportRows.reasons })
    .from(patientImportRows)
    .where(and(eq(patientImportRows.clinicId, scope.clinicId), eq(patientImportRows.importId, imp.id), inArray(patientImportRows.status, ["refused", "skipped"])))
    .orderBy(asc(patientImportRows.rowNumber));
  const csv = writeCsvArrays(
    ["row", "reason", ...imp.headers],
    rows.map((r) => [r.rowNumber, (r.reasons ?? []).join("; "), ...imp.headers.map((_h, i) => r.raw[i] ?? "")]),
  );
  return { csv, rows: rows.length };
}
