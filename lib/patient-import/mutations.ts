import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { queryRows } from "@/db/query-rows";
import type { Queryable, Transaction } from "@/db/client";
import { patientImportRows, patientImports, patients, type ImportMapping, type StagedPatient } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { NotFoundError, RuleError } from "@/lib/errors";
import type { DateFormat, SourceSystem } from "./columns";
import { validateImportRow } from "./rows";

/** Rows per import batch: one transaction each, about a second at most on both engines (docs/benchmarks-import.md) [U: house choice]. */
export const IMPORT_BATCH_SIZE = 1000;

const ENTITY = "patient-import";

// PostgreSQL's jsonb refuses NUL and half surrogate pairs; the copy kept for the download of skipped rows drops them.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const storable = (raw: readonly string[]) => raw.map((v) => v.replace(UNSTORABLE, "\uFFFD"));

async function lockImport(tx: Transaction, scope: Scope, importId: string) {
  const [row] = await tx
    .select()
    .from(patientImports)
    .where(and(eq(patientImports.id, importId), eq(patientImports.clinicId, scope.clinicId)))
    .for("update");
  if (!row) throw new NotFoundError("Import");
  return row;
}

export type StartImportInput = {
  sourceSystem: SourceSystem;
  dateFormat: DateFormat;
  headers: string[];
  mapping: ImportMapping;
  totalRows: number;
};

/** A clinic runs one import at a time: starting one discards any earlier one and its staged rows. */
export async function startImport(tx: Transaction, scope: Scope, input: StartImportInput): Promise<string> {
  await tx.delete(patientImports).where(eq(patientImports.clinicId, scope.clinicId));
  const [row] = await tx
    .insert(patientImports)
    .values({ ...input, headers: storable(input.headers), clinicId: scope.clinicId, createdBy: scope.userId })
    .returning({ id: patientImports.id });
  if (!row) throw new Error("insert returned no row");
  await writeAudit(tx, scope, { action: "create", entity: ENTITY, entityId: row.id, detail: { rows: input.totalRows, source: input.sourceSystem } });
  return row.id;
}

export type StageResult = { staged: number; total: number; refused: number };

/**
 * Checks a chunk of file rows and stages them, refused ones with their reasons.
 * Chunks arrive in order from `start`; a chunk sent again (its answer was lost)
 * is recognised by its start and not staged twice.
 */
export async function stageRows(tx: Transaction, scope: Scope, importId: string, start: number, rows: readonly string[][]): Promise<StageResult> {
  const imp = await lockImport(tx, scope, importId);
  const current = { staged: imp.stagedRows, total: imp.totalRows, refused: imp.refusedRows };
  if (imp.status !== "staging" || start < imp.stagedRows) return current;
  if (start > imp.stagedRows) throw new RuleError("Some rows of the file did not arrive. Start the import again.");
  if (start + rows.length > imp.totalRows) throw new RuleError("The file has more rows than the import was started with. Start the import again.");
  const dateFormat = imp.dateFormat as DateFormat;
  const values = rows.map((raw, i) => {
    const verdict = validateImportRow(raw, imp.mapping, dateFormat);
    return {
      clinicId: scope.clinicId,
      importId,
      rowNumber: start + i + 1,
      raw: storable(raw),
      status: verdict.ok ? ("ready" as const) : ("refused" as const),
      patient: verdict.ok ? verdict.patient : null,
      reasons: verdict.ok ? null : verdict.reasons,
    };
  });
  if (values.length > 0) await tx.insert(patientImportRows).values(values);
  const refused = values.filter((v) => v.status === "refused").length;
  const staged = imp.stagedRows + values.length;
  await tx
    .update(patientImports)
    .set({ stagedRows: staged, refusedRows: imp.refusedRows + refused, status: staged === imp.totalRows ? "ready" : "staging" })
    .where(and(eq(patientImports.id, importId), eq(patientImports.clinicId, scope.clinicId)));
  return { staged, total: imp.totalRows, refused: imp.refusedRows + refused };
}

export type BatchCounts = { created: number; linked: number; unchanged: number; skipped: number };
export type BatchResult = BatchCounts & { done: number; total: number; finished: boolean };

type Existing = { id: string; firstName: string; lastName: string; dateOfBirth: string; sourceSystem: string | null; externalId: string | null };
type Decision = { kind: "create" } | { kind: "link"; patientId: string } | { kind: "unchanged" } | { kind: "skip"; reason: string };

const personKey = (p: { firstName: string; lastName: string; dateOfBirth: string }) =>
  `${p.firstName.toLowerCase()}\u0000${p.lastName.toLowerCase()}\u0000${p.dateOfBirth}`;

/**
 * Matching, in order: the source system's id, else first name, last name and
 * date of birth (case-insensitive). A patient already carrying another id of
 * the same system is someone else. A match is left as it is, except that a
 * patient typed in by hand is given the source id (linked), so the next run
 * matches by id. Several patients with the same name and date of birth: the
 * row is skipped, for a person to decide.
 */
function decide(row: StagedPatient, source: string, byExternal: Map<string, Existing>, byPerson: Map<string, Existing[]>): Decision {
  if (row.externalId !== null && byExternal.has(row.externalId)) return { kind: "unchanged" };
  const candidates = (byPerson.get(personKey(row)) ?? []).filter((p) => !(p.sourceSystem === source && p.externalId !== null && p.externalId !== row.externalId));
  if (candidates.length > 1) {
    return { kind: "skip", reason: `${candidates.length} patients already have this name and date of birth: add or merge this one by hand` };
  }
  const match = candidates[0];
  if (!match) return { kind: "create" };
  // A patient created earlier in this batch is not stored yet: nothing to link to.
  if (row.externalId !== null && match.externalId === null && !match.id.startsWith("new:")) return { kind: "link", patientId: match.id };
  return { kind: "unchanged" };
}

/** Finds the clinic's patients a batch could match, in two indexed look-ups. */
async function findExisting(tx: Transaction, scope: Scope, source: string, rows: readonly StagedPatient[]): Promise<Existing[]> {
  const columns = {
    id: patients.id,
    firstName: patients.firstName,
    lastName: patients.lastName,
    dateOfBirth: patients.dateOfBirth,
    sourceSystem: patients.sourceSystem,
    externalId: patients.externalId,
  };
  const ids = [...new Set(rows.flatMap((r) => (r.externalId === null ? [] : [r.externalId])))];
  const dobs = [...new Set(rows.map((r) => r.dateOfBirth))];
  // One after the other: a transaction has one connection (PGlite's only one).
  const byId =
    ids.length === 0
      ? []
      : await tx.select(columns).from(patients).where(and(eq(patients.clinicId, scope.clinicId), eq(patients.sourceSystem, source), inArray(patients.externalId, ids)));
  const byDob = dobs.length === 0 ? [] : await tx.select(columns).from(patients).where(and(eq(patients.clinicId, scope.clinicId), inArray(patients.dateOfBirth, dobs)));
  return [...byId, ...byDob];
}

/**
 * Imports the next batch of ready rows in the caller's transaction: creates,
 * links or leaves each patient, marks skipped rows with their reason, removes
 * the staged copies of rows that are done, and writes one audit event with the
 * batch's counts (never its contents). A batch that fails writes nothing.
 */
export async function importBatch(tx: Transaction, scope: Scope, importId: string, size = IMPORT_BATCH_SIZE): Promise<BatchResult> {
  const imp = await lockImport(tx, scope, importId);
  const none = { created: 0, linked: 0, unchanged: 0, skipped: 0 };
  const readyTotal = imp.totalRows - imp.refusedRows;
  const doneSoFar = imp.created + imp.linked + imp.unchanged + imp.skipped;
  if (imp.status === "staging") throw new RuleError("The file is still being checked. Wait for the preview, then import.");
  if (imp.status === "done") return { ...none, done: doneSoFar, total: readyTotal, finished: true };

  const batch = await tx
    .select({ id: patientImportRows.id, patient: patientImportRows.patient })
    .from(patientImportRows)
    .where(and(eq(patientImportRows.clinicId, scope.clinicId), eq(patientImportRows.importId, importId), eq(patientImportRows.status, "ready")))
    .orderBy(asc(patientImportRows.rowNumber))
    .limit(size);
  const rows = batch.flatMap((b) => (b.patient ? [{ id: b.id, patient: b.patient }] : []));

  const existing = await findExisting(tx, scope, imp.sourceSystem, rows.map((r) => r.patient));
  const byExternal = new Map<string, Existing>();
  const byPerson = new Map<string, Existing[]>();
  const remember = (p: Existing) => {
    if (p.sourceSystem === imp.sourceSystem && p.externalId !== null) byExternal.set(p.externalId, p);
    const key = personKey(p);
    const list = byPerson.get(key) ?? [];
    if (!list.some((q) => q.id === p.id)) byPerson.set(key, [...list, p]);
  };
  existing.forEach(remember);

  const counts: BatchCounts = { ...none };
  const creates: StagedPatient[] = [];
  const links: { patientId: string; externalId: string }[] = [];
  const skips: { id: number; reason: string }[] = [];
  const finished: number[] = [];
  for (const { id, patient } of rows) {
    const decision = decide(patient, imp.sourceSystem, byExternal, byPerson);
    if (decision.kind === "skip") {
      skips.push({ id, reason: decision.reason });
      counts.skipped += 1;
      continue;
    }
    finished.push(id);
    if (decision.kind === "create") {
      creates.push(patient);
      // Later rows of the same file match this one, as they would once it is stored.
      remember({ ...patient, id: `new:${creates.length}`, sourceSystem: patient.externalId === null ? null : imp.sourceSystem });
      counts.created += 1;
    } else if (decision.kind === "link") {
      links.push({ patientId: decision.patientId, externalId: patient.externalId! });
      remember({ ...byPerson.get(personKey(patient))!.find((p) => p.id === decision.patientId)!, sourceSystem: imp.sourceSystem, externalId: patient.externalId });
      counts.linked += 1;
    } else {
      counts.unchanged += 1;
    }
  }

  if (creates.length > 0) {
    await tx.insert(patients).values(
      creates.map(({ externalId, ...fields }) => ({
        ...fields,
        clinicId: scope.clinicId,
        createdBy: scope.userId,
        sourceSystem: externalId === null ? null : imp.sourceSystem,
        externalId,
      })),
    );
  }
  for (const link of links) {
    await tx
      .update(patients)
      .set({ sourceSystem: imp.sourceSystem, externalId: link.externalId, updatedAt: new Date(), version: sql`${patients.version} + 1` })
      .where(and(eq(patients.id, link.patientId), eq(patients.clinicId, scope.clinicId)));
  }
  if (finished.length > 0) {
    await tx.delete(patientImportRows).where(and(eq(patientImportRows.clinicId, scope.clinicId), inArray(patientImportRows.id, finished)));
  }
  for (const skip of skips) {
    await tx
      .update(patientImportRows)
      .set({ status: "skipped", reasons: [skip.reason] })
      .where(and(eq(patientImportRows.clinicId, scope.clinicId), eq(patientImportRows.id, skip.id)));
  }
  const done = doneSoFar + rows.length;
  const isFinished = done >= readyTotal;
  await tx
    .update(patientImports)
    .set({
      created: imp.created + counts.created,
      linked: imp.linked + counts.linked,
      unchanged: imp.unchanged + counts.unchanged,
      skipped: imp.skipped + counts.skipped,
      batches: imp.batches + 1,
      status: isFinished ? "done" : "importing",
    })
    .where(and(eq(patientImports.id, importId), eq(patientImports.clinicId, scope.clinicId)));
  await writeAudit(tx, scope, { action: "create", entity: ENTITY, entityId: importId, detail: { batch: imp.batches + 1, rows: rows.length, ...counts } });
  return { ...counts, done, total: readyTotal, finished: isFinished };
}

export async function discardImport(tx: Transaction, scope: Scope, importId: string): Promise<void> {
  await lockImport(tx, scope, importId);
  await tx.delete(patientImports).where(and(eq(patientImports.id, importId), eq(patientImports.clinicId, scope.clinicId)));
  await writeAudit(tx, scope, { action: "delete", entity: ENTITY, entityId: importId });
}

/**
 * Staged rows hold patient data: an import and its rows go a day after it started, in every clinic
 * (migration 0013's purge_expired_patient_imports runs as the owner). The server calls it hourly
 * (lib/patient-import/expiry.ts) and the import page before it reads.
 */
export async function purgeExpiredImports(db: Queryable): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select purge_expired_patient_imports() as n`);
  return row?.n ?? 0;
}
