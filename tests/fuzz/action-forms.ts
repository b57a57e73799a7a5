import type { z } from "zod";
import { formToObject } from "@/lib/actions/form-data";
import { adherenceFormSchema } from "@/lib/adherence/schemas";
import { parseAssessmentForm } from "@/lib/assessments/parse-form";
import { assessmentFormSchema } from "@/lib/assessments/schemas";
import { signInSchema } from "@/lib/auth/credentials";
import { coreRatioSettingsSchema } from "@/lib/clinic-settings/core-ratio";
import { mcidSettingsSchema, parseMcidForm } from "@/lib/clinic-settings/schemas";
import { courseFormSchema, courseStatusSchema, scheduleSessionSchema, sessionLogSchema } from "@/lib/decompression/schemas";
import { exerciseArchiveSchema, exerciseFormSchema, exerciseUpdateSchema } from "@/lib/exercises/schemas";
import { recordFlagSchema, resolveFlagSchema } from "@/lib/patient-flags/schemas";
import { patientSessionSchema, readSessionForm, revokeLinkSchema, shareProgrammeSchema } from "@/lib/patient-links/schemas";
import { archivePatientSchema, patientFormSchema, patientUpdateSchema } from "@/lib/patients/schemas";
import { importIdSchema, stageRowsSchema, startImportSchema } from "@/lib/patient-import/schemas";
import { programmeFormSchema, programmeStatusSchema, readProgrammeForm } from "@/lib/programmes/schemas";
import { passkeyIdSchema, passkeyNameSchema, recoveryCodeSchema, totpCodeSchema } from "@/lib/mfa/schemas";
import { addStaffSchema, changeRoleSchema, requireMfaSchema, resetFactorsSchema, resetPasswordSchema, setActiveSchema } from "@/lib/staff/schemas";

const ID = "6f1c2b1e-8a53-4d4b-9c1f-0e6f5a2b3c4d";

/**
 * Every form action's schema, with the parse step production runs before it
 * and a valid sample of what its form posts. The fuzz tests bend the samples.
 */
export type ActionForm = { name: string; schema: z.ZodType; parse: (data: FormData) => unknown; sample: Record<string, string> };

const plain = (name: string, schema: z.ZodType, sample: Record<string, string>): ActionForm => ({ name, schema, parse: formToObject, sample });

const patient = { firstName: "Maya", lastName: "Okafor", dateOfBirth: "1980-05-01", sex: "female", phone: "+44 20 7946 0000", email: "maya@example.test", notes: "Desk job.\nCycles.", weight: "70", weightUnit: "kg", weightDate: "2026-01-20" };
const exercise = { name: "Wall slide", category: "posture", targetMuscles: "lower-trapezius", instructions: "Stand with your back to a wall.\nSlide up slowly.", commonErrors: "Shrugging", sets: "3", reps: "10", timesPerDay: "1", daysPerWeek: "5" };
const PROGRAMME_ITEM = { ref: "built-in:dead-bug", sets: "3", reps: "10", holdSeconds: "5", timesPerDay: "1", daysPerWeek: "5", side: "na", notes: "Slowly" };
const courseParameters = { position: "supine", angleDeg: "10", forceUnit: "kg", maxForce: "24", minForce: "12", holdSeconds: "60", restSeconds: "30", cycles: "10", durationMin: "20" };

export const ACTION_FORMS: ActionForm[] = [
  plain("createPatient", patientFormSchema, patient),
  plain("updatePatient", patientUpdateSchema, { ...patient, id: ID, version: "1" }),
  plain("setArchived", archivePatientSchema, { id: ID, archived: "true", reason: "Moved away" }),
  plain("recordFlag", recordFlagSchema, { patientId: ID, code: "pregnancy", notedOn: "2026-01-10", source: "GP letter", note: "Second trimester" }),
  plain("resolveFlag", resolveFlagSchema, { patientId: ID, flagId: ID }),
  plain("createExercise", exerciseFormSchema, exercise),
  plain("updateExercise", exerciseUpdateSchema, { ...exercise, id: ID, version: "1" }),
  plain("setExerciseArchived", exerciseArchiveSchema, { id: ID, archived: "true" }),
  plain("recordAdherence", adherenceFormSchema, { patientId: ID, programmeId: ID, weekStart: "2026-02-02", sessionsDone: "4", sessionsPrescribed: "7", painDuring: "3", note: "Busy week" }),
  plain("createCourse", courseFormSchema, { patientId: ID, region: "lumbar", targetLevel: "L4-L5", plannedSessions: "12", sessionsPerWeek: "3", startDate: "2026-02-02", ...courseParameters }),
  plain("scheduleSession", scheduleSessionSchema, { courseId: ID, scheduledAt: "2026-02-03T10:00" }),
  plain("logSession", sessionLogSchema, { courseId: ID, scheduledAt: "2026-02-03T10:00", status: "completed", ...courseParameters, bodyWeight: "70", bodyWeightUnit: "kg", bodyWeightOn: "2026-01-20", nprsBefore: "6", nprsAfter: "4", response: "centralising", notes: "Comfortable" }),
  plain("setCourseStatus", courseStatusSchema, { id: ID, version: "1", status: "stopped", reason: "Patient request" }),
  {
    name: "saveProgramme",
    schema: programmeFormSchema,
    parse: readProgrammeForm,
    sample: { patientId: ID, goals: "Sit for an hour", startDate: "2026-02-02", reviewDate: "2026-03-02", items: JSON.stringify([PROGRAMME_ITEM]) },
  },
  {
    // The builder posts its items as JSON: bend the values inside it too.
    name: "saveProgramme (item values)",
    schema: programmeFormSchema,
    parse: (data) => {
      const item = Object.fromEntries([...data.entries()].filter(([k]) => k.startsWith("item.")).map(([k, v]) => [k.slice(5), v]));
      const form = new FormData();
      for (const [k, v] of data.entries()) if (!k.startsWith("item.")) form.append(k, v);
      form.append("items", JSON.stringify([item]));
      return readProgrammeForm(form);
    },
    sample: { patientId: ID, startDate: "2026-02-02", ...Object.fromEntries(Object.entries(PROGRAMME_ITEM).map(([k, v]) => [`item.${k}`, v])) },
  },
  plain("setProgrammeStatus", programmeStatusSchema, { id: ID, version: "1", status: "stopped", reason: "Course ended" }),
  plain("shareProgramme", shareProgrammeSchema, { programmeId: ID }),
  plain("revokeLink", revokeLinkSchema, { linkId: ID, programmeId: ID }),
  // Not a server action: the patient's phone posts it to /p/<token>/sessions (same zod, same refusals).
  { name: "patientSession", schema: patientSessionSchema, parse: (data) => readSessionForm(data), sample: { clientId: ID, doneOn: "2026-03-03", item: ID, pain: "4", effort: "about_right", note: "Knees a bit sore" } },
  {
    name: "saveAssessment",
    schema: assessmentFormSchema,
    parse: parseAssessmentForm,
    sample: { patientId: ID, region: "lumbar", assessedOn: "2026-01-15", chiefComplaint: "Low back pain\nafter lifting", intent: "sign", "nprs.current": "6", notes: "Guarded", planNotes: "Core work" },
  },
  { name: "saveMcidRule", schema: mcidSettingsSchema, parse: parseMcidForm, sample: { key: "odi", previous: "null", absolute: "10", percent: "30", combine: "either", mode: "flat", source: "Ostelo 2008" } },
  plain("addStaff", addStaffSchema, { name: "Dana Lee", email: "dana@clinic.test", role: "practitioner" }),
  plain("changeRole", changeRoleSchema, { id: ID, role: "admin" }),
  plain("setStaffActive", setActiveSchema, { id: ID, active: "false" }),
  plain("resetStaffPassword", resetPasswordSchema, { id: ID }),
  plain("saveCoreRatio", coreRatioSettingsSchema, { coreRatioFraction: "0.5" }),
  plain("resetStaffFactors", resetFactorsSchema, { id: ID }),
  plain("setRequireMfa", requireMfaSchema, { requireMfa: "true" }),
  plain("signIn", signInSchema, { email: "ava@northside.test", password: "plumbline-demo" }),
  plain("verifyCode (authenticator)", totpCodeSchema, { code: "123 456" }),
  plain("verifyCode (recovery)", recoveryCodeSchema, { code: "abcde-fghjk" }),
  plain("namePasskey", passkeyNameSchema, { name: "Clinic laptop" }),
  plain("deletePasskey", passkeyIdSchema, { id: ID }),
  plain("startImport", startImportSchema, {
    sourceSystem: "cliniko", dateFormat: "dmy", headers: JSON.stringify(["Patient ID", "First Name", "Last Name", "Date of Birth"]), totalRows: "2",
    externalId: "0", firstName: "1", lastName: "2", dateOfBirth: "3",
  }),
  plain("stageRows", stageRowsSchema, { importId: ID, start: "0", rows: JSON.stringify([["1001", "Maya", "Okafor", "14/03/1975"]]) }),
  plain("importBatch", importIdSchema, { importId: ID }),
];
