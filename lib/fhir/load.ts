import type { Queryable } from "@/db/client";
import { listSignedContents } from "@/lib/assessments/queries";
import type { Scope } from "@/lib/auth/scope-types";
import { getClinicIdentity } from "@/lib/clinic-settings/identity";
import { listCourseSessions, listCourses } from "@/lib/decompression/queries";
import { listPatientFlags } from "@/lib/patient-flags/queries";
import { getPatient } from "@/lib/patients/queries";
import { getProgramme, listProgrammes } from "@/lib/programmes/queries";
import { listStaff } from "@/lib/staff/queries";
import type { FhirExportInput } from "./types";

/**
 * A patient's export input from the existing read models, in the scope's
 * clinic: another clinic's or an unknown id throws NotFoundError (getPatient).
 * Drafts are left out: only signed assessments are part of the record.
 */
export async function loadFhirExportInput(
  db: Queryable,
  scope: Scope,
  patientId: string,
  options: { baseUrl: string; now?: Date },
): Promise<FhirExportInput> {
  const patient = await getPatient(db, scope, patientId);
  const [clinic, assessments, programmeList, courseList, flags, staff] = await Promise.all([
    getClinicIdentity(db, scope),
    listSignedContents(db, scope, patient.id),
    listProgrammes(db, scope, patient.id),
    listCourses(db, scope, patient.id),
    listPatientFlags(db, scope, patient.id),
    listStaff(db, scope),
  ]);
  const programmes = await Promise.all([...programmeList].reverse().map((p) => getProgramme(db, scope, p.id)));
  const courses = await Promise.all([...courseList].reverse().map(async (course) => ({ course, sessions: await listCourseSessions(db, scope, course.id) })));

  const named = new Set<string>(
    [
      patient.practitionerId,
      ...assessments.map((a) => a.assessment.practitionerId),
      ...programmes.map((p) => p.practitionerId),
      ...courses.flatMap(({ course, sessions }) => [course.practitionerId, ...sessions.map((s) => s.practitionerId)]),
      ...flags.map((f) => f.recordedBy),
    ].filter((id): id is string => Boolean(id)),
  );
  return {
    baseUrl: options.baseUrl,
    generatedAt: options.now ?? new Date(),
    clinic: { id: clinic.id, name: clinic.name },
    practitioners: staff.filter((s) => named.has(s.id)).map((s) => ({ id: s.id, name: s.name })),
    patient,
    assessments,
    programmes,
    courses,
    flags,
  };
}
