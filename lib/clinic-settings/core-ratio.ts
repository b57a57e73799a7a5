import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db/client";
import { clinics } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";

const FRACTION_MESSAGE = "Enter a fraction above 0 and at most 1 (0.5 = half the healthy ratio)";

/** The clinic's "well below" fraction for the weak-core pattern (clinical-reference.md §3: a clinic setting). */
export const coreRatioSettingsSchema = z.object({
  coreRatioFraction: z.coerce.number({ error: FRACTION_MESSAGE }).gt(0, { error: FRACTION_MESSAGE }).max(1, { error: FRACTION_MESSAGE }),
});

export type CoreRatioSettingsInput = z.infer<typeof coreRatioSettingsSchema>;

/** Saves the fraction (admins only; audited with the old and new value). */
export async function saveCoreRatioFraction(tx: Transaction, scope: Scope, input: CoreRatioSettingsInput): Promise<void> {
  const [row] = await tx.select({ fraction: clinics.coreRatioFraction }).from(clinics).where(eq(clinics.id, scope.clinicId)).for("update");
  if (!row) throw new Error("signed-in clinic vanished");
  await tx.update(clinics).set({ coreRatioFraction: input.coreRatioFraction }).where(eq(clinics.id, scope.clinicId));
  await writeAudit(tx, scope, {
    action: "update",
    entity: "clinic",
    entityId: scope.clinicId,
    detail: { setting: "core-ratio-fraction", from: row.fraction, to: input.coreRatioFraction },
  });
}
