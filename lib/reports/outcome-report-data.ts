import type { Queryable } from "@/db/client";
import { getWeeklyAdherence } from "@/lib/adherence/queries";
import { getConfirmedPatterns } from "@/lib/assessments/queries";
import type { Scope } from "@/lib/auth/scope-types";
import { getClinicIdentity } from "@/lib/clinic-settings/identity";
import { computeAdherencePercent } from "@/lib/clinical/caseload-rules";
import { PATTERNS } from "@/lib/clinical/patterns";
import { listCourseProgress, listCourses } from "@/lib/decompression/queries";
import { todayIn } from "@/lib/format";
import type { PatientOutcome } from "@/lib/outcomes/model";
import { getPatientOutcome } from "@/lib/outcomes/patient";
import { getPatient } from "@/lib/patients/queries";
import { describeItemDose } from "@/lib/programmes/describe";
import { getActiveProgramme } from "@/lib/programmes/queries";
import { getStaffMember } from "@/lib/staff/queries";

/** What the one-page outcome report prints, all from the existing read models. */
export type OutcomeReportData = {
  clinicName: string;
  timeZone: string;
  patient: { id: string; name: string; dateOfBirth: string };
  /** The signed-in practitioner issuing the report, and the day (clinic time zone). */
  preparedBy: string;
  preparedOn: string;
  /** The one outcome model's verdicts: printed, never recomputed. */
  outcome: PatientOutcome;
  sessions: { completed: number; planned: number; missed: number; cancelled: number; courses: number };
  adherence: { weeks: number; done: number; prescribed: number; percent: number | null };
  patterns: { label: string; confirmedAt: Date }[];
  programme: { versionNo: number; startDate: string; items: { name: string; dose: string }[] } | null;
};

/** The report's data for a patient of the scope's clinic; another clinic's or an unknown id throws NotFoundError. */
export async function loadOutcomeReportData(db: Queryable, scope: Scope, patientId: string, now = new Date()): Promise<OutcomeReportData> {
  const patient = await getPatient(db, scope, patientId);
  const [clinic, me, { outcome }, courses, weeks, patterns, programme] = await Promise.all([
    getClinicIdentity(db, scope),
    getStaffMember(db, scope, scope.userId),
    getPatientOutcome(db, scope, patient.id),
    listCourses(db, scope, patient.id),
    getWeeklyAdherence(db, scope, patient.id),
    getConfirmedPatterns(db, scope, patient.id),
    getActiveProgramme(db, scope, patient.id),
  ]);
  const progress = [...(await listCourseProgress(db, scope, courses.map((c) => c.id), now)).values()];
  const sum = (pick: (p: (typeof progress)[number]) => number) => progress.reduce((total, p) => total + pick(p), 0);
  const done = weeks.reduce((total, w) => total + w.sessionsDone, 0);
  const prescribed = weeks.reduce((total, w) => total + w.sessionsPrescribed, 0);
  return {
    clinicName: clinic.name,
    timeZone: clinic.timeZone,
    patient: { id: patient.id, name: `${patient.firstName} ${patient.lastName}`, dateOfBirth: patient.dateOfBirth },
    preparedBy: me.name,
    preparedOn: todayIn(clinic.timeZone, now),
    outcome,
    sessions: { completed: sum((p) => p.completed), planned: sum((p) => p.plannedSessions), missed: sum((p) => p.missed), cancelled: sum((p) => p.cancelled), courses: progress.length },
    // Over every week recorded: the same capped percent the weekly table uses (lib/clinical/caseload-rules.ts)
    adherence: { weeks: weeks.length, done, prescribed, percent: computeAdherencePercent(done, prescribed) },
    patterns: patterns.map((p) => ({ label: PATTERNS[p.pattern].label, confirmedAt: p.confirmedAt })),
    programme: programme
      ? {
          versionNo: programme.versionNo,
          startDate: programme.startDate,
          items: programme.items.map((item) => ({ name: item.exercise?.name ?? "Exercise no longer in the library", dose: describeItemDose(item) })),
        }
      : null,
  };
}
