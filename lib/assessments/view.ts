import "server-only";
import { getDb } from "@/db/runtime";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { getAssessmentDetail, type AssessmentDetail } from "./queries";

/** Reading an assessment is itself audited (ASTM E2147: views as well as changes). */
export async function viewAssessment(scope: Scope, patientId: string, id: string, purpose = "view"): Promise<AssessmentDetail> {
  const db = await getDb(scope);
  const detail = await getAssessmentDetail(db, scope, patientId, id);
  await writeAudit(db, scope, { action: "view", entity: "assessment", entityId: id, patientId, detail: purpose === "view" ? null : { purpose } });
  return detail;
}
