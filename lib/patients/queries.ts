import { and, asc, count, desc, eq, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { bodyWeights, patients, type Patient } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { NotFoundError, isUuid } from "@/lib/errors";
import type { PatientListParams } from "./schemas";
import { attachMarkers, fetchSafetyMarkers } from "@/lib/patient-flags/markers";
import { parsePatientSearch } from "./search";

export const PATIENT_PAGE_SIZE = 20;

/**
 * `word` (lower-cased by parsePatientSearch) starts the name. On the stored
 * lower-case column with `^@`, both leakproof, so the planner may use the
 * (clinic_id, name) index under row-level security; `lower(name) like …` may not be.
 */
function nameStarts(column: typeof patients.firstNameSearch | typeof patients.lastNameSearch, word: string): SQL {
  return sql`${column} ^@ ${word}`;
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

export async function listPatients(db: Queryable, scope: Scope, params: PatientListParams) {
  const where = and(
    eq(patients.clinicId, scope.clinicId),
    params.status === "active" ? isNull(patients.archivedAt) : params.status === "archived" ? isNotNull(patients.archivedAt) : undefined,
    patientSearchCondition(params.q),
  );
  const [rows, [total]] = await Promise.all([
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
      .where(where)
      .orderBy(asc(patients.lastName), asc(patients.firstName), asc(patients.id))
      .limit(PATIENT_PAGE_SIZE)
      .offset((params.page - 1) * PATIENT_PAGE_SIZE),
    db.select({ n: count() }).from(patients).where(where),
  ]);
  const n = total?.n ?? 0;
  // Safety in sight: red flags and contraindications beside each name
  const markers = await fetchSafetyMarkers(db, scope, rows.map((r) => r.id));
  return { rows: attachMarkers(rows, (r) => r.id, markers), total: n, page: params.page, pageCount: Math.max(1, Math.ceil(n / PATIENT_PAGE_SIZE)) };
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
