import type { Database } from "@/db/client";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { loadOutcomeReportData } from "./outcome-report-data";
import { renderOutcomeReportPdf } from "./outcome-report-pdf";

/** The one-page outcome report of a patient, audited as an export. */
export function exportOutcomeReport(db: Database, scope: Scope, patientId: string, now = new Date()): Promise<{ pdf: Buffer; patientId: string }> {
  return db.transaction(async (tx) => {
    const data = await loadOutcomeReportData(tx, scope, patientId, now);
    const pdf = await renderOutcomeReportPdf(data);
    await writeAudit(tx, scope, { action: "export", entity: "patient", entityId: data.patient.id, patientId: data.patient.id, detail: { format: "outcome-report-pdf" } });
    return { pdf, patientId: data.patient.id };
  });
}
