import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { clinics } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { INSTRUMENT_IDS, type InstrumentId } from "@/lib/clinical/instruments";
import { parseMcidOverrides, resolveMcidRule, type McidRule, type McidRuleOverride } from "@/lib/clinical/mcid";

/** The clinic's stored overrides exactly as saved (for the settings form and its concurrency check). */
export async function getStoredMcidOverrides(db: Queryable, scope: Scope): Promise<Record<string, unknown>> {
  const [row] = await db.select({ overrides: clinics.mcidOverrides }).from(clinics).where(eq(clinics.id, scope.clinicId));
  return row?.overrides ?? {};
}

/** The clinic's valid meaningful-change overrides; invalid stored entries are ignored (defaults apply). */
export async function getClinicMcidOverrides(db: Queryable, scope: Scope): Promise<McidRuleOverride[]> {
  return parseMcidOverrides(await getStoredMcidOverrides(db, scope));
}

/** The rule in force for every instrument: the clinic's override, else the published default. */
export async function getClinicMcidRules(db: Queryable, scope: Scope): Promise<Record<InstrumentId, McidRule>> {
  const overrides = await getClinicMcidOverrides(db, scope);
  return Object.fromEntries(INSTRUMENT_IDS.map((id) => [id, resolveMcidRule(id, overrides)])) as Record<InstrumentId, McidRule>;
}
