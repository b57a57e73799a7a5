import { and, asc, count, desc, eq, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { bodyWeights, patientCounts, patients, type Patient } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { NotFoundError, isUuid } from "@/lib/errors";
import type { PatientListParams } from "./schemas";
import { attachMarkers, fetchSafetyMarkers } from "@/lib/patient-flags/markers";
import { parsePatientSearch, prefixUpperBound } from "./search";

export const PATIENT_PAGE_SIZE = 20;

/**
 * `word` (lower-cased by parsePatientSearch) starts the name, written as a
 * range on the stored lower-case column: `col ~>=~ word and col ~<~ bound`.
 * The range operators are leakproof, so under row-level security the planner
 * may use the (clinic_id, name text_pattern_ops) index, and they stay an index
 * condition in a generic plan of a prepared statement (the server prepares its
 * statements: db/scoped.ts), where `col ^@ $1` alone became a scan of the
 * clinic's patients (docs/benchmarks-rls.md, 2026-12-02). `^@` is kept as the
 * exact test; the range only narrows.
 */
function nameStarts(column: typeof patients.firstNameSearch | typeof patients.lastNameSearch, word: string): SQL {
  const bound = prefixUpperBound(word);
  const below = bound === null ? sql`` : sql` and ${column} ~<~ ${bound}`;
  return sql`(${column} ~>=~ ${word}${below} and ${column} ^@ ${word})`;
}

/** The patients a search box term names (tests/db/patient-search-index.test.ts checks its plan). */
export function patientSearchCondition(term: string): SQL | undefined {
  const search = parsePatientSearch(term);
  if (search.kind === "dob") return eq(patients.dateOfBirth, search.date);
  if (search.kind === "none") return undefined;
  const [first, second] = search.words;
  if (!first) return undefined;
  if (!second) return or(nameStarts(patients.firstNameSearch, first), nameStarts(patients.lastNameSearch, first));
  // "ava lin" or "lin ava": first and last name in either order.
  return or(
    and(nameStarts(patients.firstNameSearch, first), nameStarts(patients.lastNameSearch, second)),
    and(nameStarts(patients.lastNameSearch, first), nameStarts(patients.firstNameSearch, second)),
  );
}

/** A search's total is counted up to this many matches, then shown as "1,000+": a short prefix could match most of the clinic. */
export const SEARCH_COUNT_CAP = 1000;

const statusCondition = (status: PatientListParams["status"]) =>
  status === "active" ? isNull(patients.archivedAt) : status === "archived" ? isNotNull(patients.archivedAt) : undefined;

/** The list's own order, also the order of the keyset index patient_clinic_name_order_idx. */
const sortKey = sql`(${patients.lastName}, ${patients.firstName}, ${patients.id})`;

/** The sort key of the cursor patient, read inside the page's statement (the URL carries only its id). */
function cursorKey(scope: Scope, id: string): SQL {
  return sql`(select c.last_name, c.first_name, c.id from patient c where c.clinic_id = ${scope.clinicId} and c.id = ${id})`;
}

/** How many patients the list holds: the maintained per-clinic count, or a capped count of a search's matches. */
async function countPatients(db: Queryable, scope: Scope, params: PatientListParams, where: SQL | undefined) {
  if (!patientSearchCondition(params.q)) {
    const [row] = await db
      .select({ active: patientCounts.active, archived: patientCounts.archived })
      .from(patientCounts)
      .where(eq(patientCounts.clinicId, scope.clinicId));
    const active = row?.active ?? 0;
    const archived = row?.archived ?? 0;
    return { total: params.status === "active" ? active : params.status === "archived" ? archived : active + archived, capped: false };
  }
  const capped = db.select({ one: sql`1` }).from(patients).where(where).limit(SEARCH_COUNT_CAP + 1).as("m");
  const [row] = await db.select({ n: count() }).from(capped);
  const n = row?.n ?? 0;
  return { total: Math.min(n, SEARCH_COUNT_CAP), capped: n > SEARCH_COUNT_CAP };
}

/**
 * One page of the patient list by keyset (`after` / `before` a patient's id, or the last
 * page): an index range of PATIENT_PAGE_SIZE rows at any depth, never an OFFSET. An
 * unknown cursor (another clinic's id, a deleted row) gives the first page.
 */
export async function listPatients(db: Queryable, scope: Scope, params: PatientListParams) {
  const where = and(eq(patients.clinicId, scope.clinicId), statusCondition(params.status), patientSearchCondition(params.q));
  const backward = params.before !== null || params.last;
  const cursor = params.after ? sql`${sortKey} > ${cursorKey(scope, params.after)}` : params.before ? sql`${sortKey} < ${cursorKey(scope, params.before)}` : undefined;
  const page = (backwards: boolean, condition: SQL | undefined) =>
    db
      .select({
        id: patients.id,
        firstName: patients.firstName,
        lastName: patients.lastName,
        dateOfBirth: patients.dateOfBirth,
        sex: patients.sex,
        phone: patients.phone,
        archivedAt: patients.archivedAt,
        updatedAt: patients.updatedAt,
      })
      .from(patients)
      .where(and(where, condition))
      .orderBy(
        ...(backwards
          ? [desc(patients.lastName), desc(patients.firstName), desc(patients.id)]
          : [asc(patients.lastName), asc(patients.firstName), asc(patients.id)]),
      )
      // One more than a page says whether there is a page beyond.
      .limit(PATIENT_PAGE_SIZE + 1);
  const [fetched, counted] = await Promise.all([page(backward, cursor), countPatients(db, scope, params, where)]);
  // A cursor that matches nothing (unknown id, or nothing beyond it any more): the first page.
  const fellBack = fetched.length === 0 && cursor !== undefined;
  const reversed = backward && !fellBack;
  const found = fellBack ? await page(false, undefined) : fetched;
  const beyond = found.length > PATIENT_PAGE_SIZE;
  const rows = found.slice(0, PATIENT_PAGE_SIZE);
  if (reversed) rows.reverse();
  const hasPrevious = reversed ? beyond : params.after !== null && !fellBack;
  const hasNext = reversed ? params.before !== null : beyond;
  // Safety in sight: red flags and contraindications beside each name
  const markers = await fetchSafetyMarkers(db, scope, rows.map((r) => r.id));
  return {
    rows: attachMarkers(rows, (r) => r.id, markers),
    total: counted.total,
    totalCapped: counted.capped,
    firstId: rows[0]?.id ?? null,
    lastId: rows.at(-1)?.id ?? null,
    hasPrevious,
    hasNext,
  };
}

export type PatientRecord = Patient & { weight: { kg: number; measuredOn: string } | null };

/** One patient of the scope's clinic; any other id is "not found". */
export async function getPatient(db: Queryable, scope: Scope, id: string): Promise<PatientRecord> {
  if (!isUuid(id)) throw new NotFoundError("Patient");
  const [row] = await db
    .select()
    .from(patients)
    .where(and(eq(patients.id, id), eq(patients.clinicId, scope.clinicId)));
  if (!row) throw new NotFoundError("Patient");
  const [weight] = await db
    .select({ kg: bodyWeights.kg, measuredOn: bodyWeights.measuredOn })
    .from(bodyWeights)
    .where(and(eq(bodyWeights.clinicId, scope.clinicId), eq(bodyWeights.patientId, id)))
    .orderBy(desc(bodyWeights.measuredOn), desc(bodyWeights.createdAt))
    .limit(1);
  return { ...row, weight: weight ?? null };
}

/** Quick lookup for the command palette: a few matches by name, each with its safety marker. */
export async function findPatientsByName(db: Queryable, scope: Scope, term: string, limit = 8) {
  const condition = patientSearchCondition(term);
  if (!condition) return [];
  const rows = await db
    .select({ id: patients.id, firstName: patients.firstName, lastName: patients.lastName, dateOfBirth: patients.dateOfBirth, archivedAt: patients.archivedAt })
    .from(patients)
    .where(and(eq(patients.clinicId, scope.clinicId), condition))
    .orderBy(asc(patients.lastName), asc(patients.firstName))
    .limit(limit);
  return attachMarkers(rows, (r) => r.id, await fetchSafetyMarkers(db, scope, rows.map((r) => r.id)));
}
