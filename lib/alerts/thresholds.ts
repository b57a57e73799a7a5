import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable, Transaction } from "@/db/client";
import { clinics } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { ClinicScope, Scope } from "@/lib/auth/scope-types";
import { ALERT_THRESHOLD_LIMITS as LIMITS, DEFAULT_ALERT_THRESHOLDS, type AlertThresholds } from "@/lib/clinical/alert-rules";
import { wholeNumber } from "@/lib/forms/fields";

/** The clinic's alert thresholds (the defaults until an admin changes them). */
export async function getAlertThresholds(db: Queryable, scope: ClinicScope): Promise<AlertThresholds> {
  const [row] = await db
    .select({ painAtLeast: clinics.alertPainAtLeast, tooHardRun: clinics.alertTooHardRun, notLoggingDays: clinics.alertNotLoggingDays })
    .from(clinics)
    .where(eq(clinics.id, scope.clinicId));
  return row ?? DEFAULT_ALERT_THRESHOLDS;
}

const range = (label: string, key: keyof AlertThresholds) =>
  wholeNumber(label, LIMITS[key].min, LIMITS[key].max, `${label} is a whole number from ${LIMITS[key].min} to ${LIMITS[key].max}`);

export const alertThresholdsSchema = z.object({
  painAtLeast: range("Pain at or above", "painAtLeast"),
  tooHardRun: range("Sessions in a row answered too hard", "tooHardRun"),
  notLoggingDays: range("Days without a session logged", "notLoggingDays"),
});
export type AlertThresholdsInput = z.output<typeof alertThresholdsSchema>;

/** Admins change the thresholds; audited with the old and new values. */
export async function saveAlertThresholds(tx: Transaction, scope: Scope, input: AlertThresholdsInput): Promise<void> {
  const before = await getAlertThresholds(tx, scope);
  await tx
    .update(clinics)
    .set({ alertPainAtLeast: input.painAtLeast, alertTooHardRun: input.tooHardRun, alertNotLoggingDays: input.notLoggingDays })
    .where(eq(clinics.id, scope.clinicId));
  await writeAudit(tx, scope, { action: "update", entity: "clinic", entityId: scope.clinicId, detail: { setting: "alert-thresholds", from: before, to: input } });
}
