import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { clinics } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { ConflictError } from "@/lib/errors";
import type { McidSettingsInput } from "./schemas";
import { markClinicSummariesStale } from "@/lib/summaries/refresh";

export const MCID_CHANGED_MESSAGE = "This rule was changed by someone else since you opened the page. Nothing was saved: reload to see it.";

/** The stored entry exactly as read, so the form can tell whether it changed underneath it. */
export function fingerprintEntry(stored: Record<string, unknown>, key: string): string {
  return JSON.stringify(stored[key] ?? null);
}

/** Sets or clears one rule's (instrument and versions) meaningful-change override for the clinic (admins only; audited). */
export async function saveMcidOverride(tx: Transaction, scope: Scope, input: McidSettingsInput): Promise<void> {
  const [row] = await tx.select({ overrides: clinics.mcidOverrides }).from(clinics).where(eq(clinics.id, scope.clinicId)).for("update");
  if (!row) throw new Error("signed-in clinic vanished");
  const stored = row.overrides ?? {};
  if (fingerprintEntry(stored, input.key) !== input.previous) throw new ConflictError(MCID_CHANGED_MESSAGE);
  const next: Record<string, unknown> = { ...stored };
  if (input.override) {
    // Stored keyed by rule key (parseMcidOverrides reads either shape): the object key carries it
    next[input.key] = Object.fromEntries(Object.entries(input.override).filter(([name]) => name !== "key"));
  } else {
    delete next[input.key];
  }
  await tx.update(clinics).set({ mcidOverrides: next }).where(eq(clinics.id, scope.clinicId));
  // The verdicts in the summary rows follow these rules: rebuilt before the dashboard next reads them.
  await markClinicSummariesStale(tx, scope);
  await writeAudit(tx, scope, {
    action: "update",
    entity: "clinic",
    entityId: scope.clinicId,
    detail: { setting: "mcid", rule: input.key, override: input.override ? next[input.key] : "default" },
  });
}
