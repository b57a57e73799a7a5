import { eq } from "drizzle-orm";
import { cache } from "react";
import type { Queryable } from "@/db/client";
import { clinics } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { parseMcidOverrides, type McidRuleOverride } from "@/lib/clinical/mcid";

/** The clinic's clinical settings as stored, plus its valid meaningful-change overrides. */
export type ClinicClinicalSettings = {
  /** Exactly as saved (for the settings form and its concurrency check). */
  storedMcidOverrides: Record<string, unknown>;
  /** The valid ones: invalid stored entries are ignored (defaults apply). */
  mcidOverrides: McidRuleOverride[];
  /** "Well below" McGill's healthy ratios, as a fraction of them (pattern-suggest). */
  coreRatioFraction: number;
};

/**
 * The one reader of the clinic's clinical settings: the patient page, the
 * progress charts, the dashboard, the CSV, the assessment form and the
 * settings page all come through here. Memoised for one server render (a
 * page whose cards each need the rules reads them once); a write transaction
 * is its own handle, so it never sees a value read outside it.
 */
export const getClinicClinicalSettings = cache(async function getClinicClinicalSettings(db: Queryable, scope: Pick<Scope, "clinicId">): Promise<ClinicClinicalSettings> {
  const [row] = await db
    .select({ overrides: clinics.mcidOverrides, fraction: clinics.coreRatioFraction })
    .from(clinics)
    .where(eq(clinics.id, scope.clinicId));
  const stored = row?.overrides ?? {};
  return { storedMcidOverrides: stored, mcidOverrides: parseMcidOverrides(stored), coreRatioFraction: row?.fraction ?? 0.5 };
});
