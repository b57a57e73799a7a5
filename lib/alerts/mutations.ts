import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Queryable, Transaction } from "@/db/client";
import { patientAlerts } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { suggestSwap, type SwapSuggestion } from "@/lib/clinical/alert-swap";
import { getBuiltInExercise } from "@/lib/clinical/exercise-catalogue";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { describeVolume, type LibraryExercise } from "@/lib/exercises/library";
import { listLibraryChoices } from "@/lib/exercises/queries";
import { plainText } from "@/lib/forms/text";
import { fromStoredItem, toItemPayload } from "@/lib/programmes/builder-items";
import { saveProgramme } from "@/lib/programmes/mutations";
import { getProgramme, type ProgrammeView } from "@/lib/programmes/queries";
import { programmeFormSchema } from "@/lib/programmes/schemas";

export const acknowledgeAlertSchema = z.object({
  alertId: z.uuid("Alert not found"),
  note: plainText("Note", "multi").trim().min(1, "Say what was done, for the record (a call, a change, nothing needed)").max(1000, "The note is at most 1,000 characters"),
});
export type AcknowledgeAlertInput = z.output<typeof acknowledgeAlertSchema>;

export const swapAlertSchema = z.object({
  alertId: z.uuid("Alert not found"),
  /** The programme item to replace and its replacement, as the page offered them. */
  itemId: z.uuid("Exercise not found"),
  toRef: z.string().regex(/^(built-in|clinic):[a-z0-9-]{1,80}$/, "Choose an exercise from the library"),
});
export type SwapAlertInput = z.output<typeof swapAlertSchema>;

const ALREADY_CLOSED = "Someone acknowledged this alert meanwhile. Reload to see it.";

async function lockOpenAlert(tx: Transaction, scope: Scope, alertId: string) {
  const [row] = await tx
    .select()
    .from(patientAlerts)
    .where(and(eq(patientAlerts.id, alertId), eq(patientAlerts.clinicId, scope.clinicId)))
    .for("update");
  if (!row) throw new NotFoundError("Alert");
  if (row.acknowledgedAt) throw new ConflictError(ALREADY_CLOSED);
  return row;
}

/** Acknowledging closes the alert with a note; audited (the note stays on the alert, not in the trail). */
export async function acknowledgeAlert(tx: Transaction, scope: Scope, input: AcknowledgeAlertInput, now = new Date()): Promise<{ patientId: string }> {
  const alert = await lockOpenAlert(tx, scope, input.alertId);
  await tx
    .update(patientAlerts)
    .set({ acknowledgedAt: now, acknowledgedBy: scope.userId, note: input.note, updatedAt: now })
    .where(and(eq(patientAlerts.id, alert.id), isNull(patientAlerts.acknowledgedAt)));
  await writeAudit(tx, scope, { action: "update", entity: "patient_alert", entityId: alert.id, patientId: alert.patientId, detail: { acknowledged: true, kind: alert.kind } });
  return { patientId: alert.patientId };
}

function easierRef(slug: string): string | null {
  const easier = getBuiltInExercise(slug)?.easierVersion;
  return easier ? `built-in:${easier}` : null;
}

/**
 * The swap an alert on this programme offers (lib/clinical/alert-swap.ts), against the clinic's whole
 * library; a page offering several swaps loads the library once and passes it.
 */
export async function findAlertSwap(db: Queryable, scope: Scope, programme: ProgrammeView, library?: LibraryExercise[]): Promise<SwapSuggestion | null> {
  if (programme.status !== "active") return null;
  library ??= await listLibraryChoices(db, scope);
  return suggestSwap(
    programme.items.flatMap((item) =>
      item.exercise
        ? [
            {
              itemId: item.id,
              ref: item.exercise.ref,
              name: item.exercise.name,
              category: item.exercise.category,
              patterns: item.exercise.patterns,
              dose: { sets: item.sets, reps: item.reps, holdSeconds: item.holdSeconds },
              easierRef: item.builtInSlug ? easierRef(item.builtInSlug) : null,
            },
          ]
        : [],
    ),
    library.map((e) => ({ ref: e.ref, name: e.name, patterns: e.patterns, dose: e.defaultDose, archived: e.archived })),
  );
}

/**
 * Takes the swap the alert offered: a new version of the programme with that
 * exercise replaced by the easier one at its default dose (the rest as it
 * was; the patient's link follows the new version), and the alert closed with
 * a note saying so. The offer is computed again here: if the programme or
 * the library changed since the page was drawn, nothing is saved.
 */
export async function applyAlertSwap(tx: Transaction, scope: Scope, input: SwapAlertInput, now = new Date()): Promise<{ patientId: string; programmeId: string }> {
  const alert = await lockOpenAlert(tx, scope, input.alertId);
  if (!alert.programmeId) throw new ConflictError("This alert is not about a programme: there is no exercise to swap.");
  const programme = await getProgramme(tx, scope, alert.programmeId);
  const offer = await findAlertSwap(tx, scope, programme);
  if (!offer || offer.itemId !== input.itemId || offer.toRef !== input.toRef) {
    throw new ConflictError("The programme or the exercise library changed since this page was drawn: reload to see the swap on offer now.");
  }
  const items = programme.items.map((item) => {
    const payload = toItemPayload(fromStoredItem(item.id, item.exercise?.name ?? "", item));
    if (item.id !== offer.itemId) return payload;
    const { sets, reps, holdSeconds } = offer.toDose;
    const swapped = { ...payload, ref: offer.toRef, sets: String(sets), reps: reps === null ? "" : String(reps), holdSeconds: holdSeconds === null ? "" : String(holdSeconds) };
    // Another exercise starts without the old one's load; a lower dose of the same keeps it.
    if (offer.kind === "easier-exercise") delete (swapped as { load?: unknown }).load;
    return swapped;
  });
  const parsed = programmeFormSchema.parse({
    patientId: programme.patientId,
    supersedesId: programme.id,
    supersedesVersion: String(programme.version),
    goals: programme.goals,
    startDate: programme.startDate,
    reviewDate: programme.reviewDate ?? "",
    items,
  });
  const newId = await saveProgramme(tx, scope, parsed, now);
  const note =
    offer.kind === "easier-exercise"
      ? `Swapped ${offer.fromName} for its easier version, ${offer.toName}, in a new version of the programme.`
      : `Lowered the dose of ${offer.fromName} (${describeVolume(offer.fromDose)} to ${describeVolume(offer.toDose)}) in a new version of the programme.`;
  await tx.update(patientAlerts).set({ acknowledgedAt: now, acknowledgedBy: scope.userId, note, swappedIntoId: newId, updatedAt: now }).where(eq(patientAlerts.id, alert.id));
  await writeAudit(tx, scope, { action: "update", entity: "patient_alert", entityId: alert.id, patientId: alert.patientId, detail: { acknowledged: true, kind: alert.kind, swappedInto: newId, from: offer.fromRef, to: offer.toRef } });
  return { patientId: alert.patientId, programmeId: newId };
}
