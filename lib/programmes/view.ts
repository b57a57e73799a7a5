import "server-only";
import { getDb } from "@/db/runtime";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { NotFoundError } from "@/lib/errors";
import { getPatient } from "@/lib/patients/queries";
import { getWeeklyAdherence } from "@/lib/adherence/queries";
import { getActiveProgramme, getConfirmedPatternIds, getProgramme, listProgrammes } from "./queries";


/** Reading one programme is a view of patient data: audited, and only within the patient it belongs to. */
export async function viewProgramme(scope: Scope, patientId: string, programmeId: string) {
  const db = await getDb(scope);
  const patient = await getPatient(db, scope, patientId);
  const programme = await getProgramme(db, scope, programmeId);
  if (programme.patientId !== patient.id) throw new NotFoundError("Programme");
  await writeAudit(db, scope, { action: "view", entity: "programme", entityId: programme.id, patientId: patient.id });
  return { patient, programme };
}

/** The patient page's home-programme card: the active programme, confirmed patterns, weekly adherence, history. */
export async function loadProgrammeSection(scope: Scope, patientId: string) {
  const db = await getDb(scope);
  const [active, patterns, weeks, history] = await Promise.all([
    getActiveProgramme(db, scope, patientId),
    getConfirmedPatternIds(db, scope, patientId),
    getWeeklyAdherence(db, scope, patientId),
    listProgrammes(db, scope, patientId),
  ]);
  return { active, patterns, weeks, history };
}
