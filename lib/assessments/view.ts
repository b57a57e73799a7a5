import "server-only";
import { getDb } from "@/db/runtime";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { getAssessmentDetail, getConfirmedPatterns, getPatientOutcomeSummary, listPatientAssessments, type AssessmentDetail } from "./queries";

/** Reading an assessment is itself audited (ASTM E2147: views as well as changes). */
export async function viewAssessment(scope: Scope, patientId: string, id: string, purpose = "view"): Promise<AssessmentDetail> {
  const db = await getDb(scope);
  const detail = await getAssessmentDetail(db, scope, patientId, id);
  await writeAudit(db, scope, { action: "view", entity: "assessment", entityId: id, patientId, detail: purpose === "view" ? null : { purpose } });
  return detail;
}

/** The patient page's assessments card: every assessment, the outcome summary and the confirmed patterns. */
export async function loadAssessmentSection(scope: Scope, patientId: string) {
  const db = await getDb(scope);
  const [entries, summary, patterns] = await Promise.all([
    listPatientAssessments(db, scope, patientId),
    getPatientOutcomeSummary(db, scope, patientId),
    getConfirmedPatterns(db, scope, patientId),
  ]);
  return { entries, summary, patterns };
}
