import "server-only";
import { getDb } from "@/db/runtime";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { NotFoundError } from "@/lib/errors";
import { getPatient } from "@/lib/patients/queries";
import { getCourse, listCourseProgress, listCourses } from "./queries";
import { screenPatient } from "./screening";

/** Opening a course is a view of patient data: audited, and only under the patient it belongs to. */
export async function viewCourse(scope: Scope, patientId: string, courseId: string) {
  const db = await getDb(scope);
  const patient = await getPatient(db, scope, patientId);
  const course = await getCourse(db, scope, courseId);
  if (course.patientId !== patient.id) throw new NotFoundError("Course");
  await writeAudit(db, scope, { action: "view", entity: "decompression_course", entityId: course.id, patientId: patient.id });
  return { patient, course };
}

/** The patient page's decompression card: the courses, their progress, and the lumbar screening. */
export async function loadDecompressionSection(scope: Scope, patientId: string) {
  const db = await getDb(scope);
  const [courses, lumbar] = await Promise.all([listCourses(db, scope, patientId), screenPatient(db, scope, patientId, "lumbar")]);
  const progress = await listCourseProgress(db, scope, courses.map((c) => c.id));
  return { courses, lumbar, progress };
}
