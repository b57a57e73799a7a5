import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import { assessments, decompressionCourses, decompressionSessions, exercises, patients, programmes } from "@/db/schema";
import { getBuiltInExercise } from "@/lib/clinical/exercise-catalogue";
import { isUuid } from "@/lib/errors";
import type { RecordKind, RecordRef } from "./record-path";

type RecordTable = PgTable & { id: AnyPgColumn; clinicId: AnyPgColumn; patientId?: AnyPgColumn; courseId?: AnyPgColumn };

const TABLES: Record<RecordKind, RecordTable> = {
  patient: patients,
  assessment: assessments,
  course: decompressionCourses,
  session: decompressionSessions,
  programme: programmes,
  exercise: exercises,
};

/**
 * Whether every record a path names exists in this clinic, each under its
 * parent (an assessment of that patient, a session of that course). One
 * statement of primary-key lookups, so the proxy can answer 404 before a page
 * streams. It only picks the status: pages still check the scope themselves.
 */
export async function recordsExist(db: Queryable, clinicId: string, refs: readonly RecordRef[]): Promise<boolean> {
  const checks: SQL[] = [];
  const parents: { patientId?: string; courseId?: string } = {};
  for (const ref of refs) {
    if (ref.kind === "exercise" && !isUuid(ref.value)) {
      // Built-in exercises live in code and cannot be edited.
      if (!getBuiltInExercise(ref.value) || ref.then === "edit") return false;
      continue;
    }
    if (!isUuid(ref.value)) return false;
    const t = TABLES[ref.kind];
    const conditions = [sql`${t.clinicId} = ${clinicId}`, sql`${t.id} = ${ref.value}`];
    if (t.patientId && parents.patientId) conditions.push(sql`${t.patientId} = ${parents.patientId}`);
    if (t.courseId && parents.courseId) conditions.push(sql`${t.courseId} = ${parents.courseId}`);
    checks.push(sql`exists (select 1 from ${t} where ${sql.join(conditions, sql` and `)})`);
    if (ref.kind === "patient") parents.patientId = ref.value;
    if (ref.kind === "course") parents.courseId = ref.value;
  }
  if (checks.length === 0) return true;
  const result: unknown = await db.execute(sql`select ${sql.join(checks, sql` and `)} as ok`);
  // postgres.js answers with an array, PGlite with { rows }.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { ok: boolean }[];
  return rows[0]?.ok === true;
}

/**
 * The first record of the path that exists in some other clinic: a cross-clinic
 * attempt, not a typo. Row-level security hides other clinics' rows, so this
 * asks record_in_other_clinic (migration 0009), which answers yes or no for one
 * id outside the handle's clinic; the handle must be scoped (getDb(scope)).
 */
export async function findForeignRecord(db: Queryable, refs: readonly RecordRef[]): Promise<RecordRef | null> {
  for (const ref of refs) {
    if (!isUuid(ref.value)) continue;
    const [row] = await queryRows<{ found: boolean }>(db, sql`select record_in_other_clinic(${ref.kind}, ${ref.value}::uuid) as found`);
    if (row?.found) return ref;
  }
  return null;
}
