import type { Bundle } from "@medplum/fhirtypes";
import type { Database } from "@/db/client";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { buildPatientBundle } from "./bundle";
import { loadFhirExportInput } from "./load";

/**
 * One patient's FHIR R4 Bundle, audited as an export (who, which patient,
 * how many resources: no clinical content in the trail). One transaction:
 * the record is read as of one moment, and the clinic is set once.
 */
export function exportPatientBundle(db: Database, scope: Scope, patientId: string, options: { baseUrl: string; now?: Date }): Promise<Bundle> {
  return db.transaction(async (tx) => {
    const input = await loadFhirExportInput(tx, scope, patientId, options);
    const bundle = buildPatientBundle(input);
    await writeAudit(tx, scope, {
      action: "export",
      entity: "patient",
      entityId: input.patient.id,
      patientId: input.patient.id,
      detail: { format: "fhir-r4-bundle", resources: bundle.entry?.length ?? 0 },
    });
    return bundle;
  });
}
