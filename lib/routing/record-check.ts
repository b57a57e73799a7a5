import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { assessments, decompressionCourses, decompressionSessions, exercises, patients, programmes } from "@/db/schema";
import { getBuiltInExercise } from "@/lib/clinical/exercise-catalogue";
import { isUuid } from "@/lib/errors";
import type { RecordRef } from "./record-path";

/**
 * Whether every record a path names exists in this clinic, each under its
 * parent (an assessment of that patient, a session of that course). One
 * statement of primary-key lookups, so the proxy can answer 404 before a page
 * streams. It only picks the status: pages still check the scope themselves.
 */
export async function recordsExist(db: Queryable, clinicId: string, refs: readonly RecordRef[]): Promise<boolean> {
  const checks: SQL[] = [];
  let patientId: string | undefined;
  let courseId: string | undefined;
  for (const ref of refs) {
    if (ref.kind === "exercise" && !isUuid(ref.value)) {
      // Built-in exercises live in code and cannot be edited.
      if (!getBuiltInExercise(ref.value) || ref.then === "edit") return false;
      continue;
    }
    if (!isUuid(ref.value)) return false;
    const id = ref.value;
    const under = (column: AnyPgColumn, parent: string | undefined) => (parent ? sql` and ${column} = ${parent}` : sql``);
    switch (ref.kind) {
      case "patient":
        checks.push(sql`exists (select 1 from ${patients} where ${patients.clinicId} = ${clinicId} and ${patients.id} = ${id})`);
        patientId = id;
        break;
      case "assessment":
        checks.push(sql`exists (select 1 from ${assessments} where ${assessments.clinicId} = ${clinicId} and ${assessments.id} = ${id}${under(assessments.patientId, patientId)})`);
        break;
      case "programme":
        checks.push(sql`exists (select 1 from ${programmes} where ${programmes.clinicId} = ${clinicId} and ${programmes.id} = ${id}${under(programmes.patientId, patientId)})`);
        break;
      case "course":
        checks.push(sql`exists (select 1 from ${decompressionCourses} where ${decompressionCourses.clinicId} = ${clinicId} and ${decompressionCourses.id} = ${id}${under(decompressionCourses.patientId, patientId)})`);
        courseId = id;
        break;
      case "session": {
        const s = decompressionSessions;
        checks.push(sql`exists (select 1 from ${s} where ${s.clinicId} = ${clinicId} and ${s.id} = ${id}${under(s.patientId, patientId)}${under(s.courseId, courseId)})`);
        break;
      }
      case "exercise":
        checks.push(sql`exists (select 1 from ${exercises} where ${exercises.clinicId} = ${clinicId} and ${exercises.id} = ${id})`);
        break;
    }
  }
  if (checks.length === 0) return true;
  const result: unknown = await db.execute(sql`select ${sql.join(checks, sql` and `)} as ok`);
  // postgres.js answers with an array, PGlite with { rows }.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { ok: boolean }[];
  return rows[0]?.ok === true;
}
