import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { programmeItems, programmes } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { getBuiltInExercise } from "@/lib/clinical/exercise-catalogue";
import { ConflictError, NotFoundError, RuleError, isUuid } from "@/lib/errors";
import { getClinicExercisesById } from "@/lib/exercises/queries";
import { parseExerciseRef } from "@/lib/exercises/library";
import { getPatient } from "@/lib/patients/queries";
import type { ProgrammeInput, ProgrammeItemInput, ProgrammeStatusInput } from "./schemas";
import { refreshPatientSummary } from "@/lib/summaries/refresh";
import { carryLinksToNewVersion } from "@/lib/patient-links/mutations";

const CHANGED_MEANWHILE =
  "The patient's programme was changed by someone else since you opened it. Reload to see the current programme, then make your changes again.";

/** Each item names a built-in slug or one of the clinic's exercises; anything else is refused at that item. */
async function resolveItems(tx: Transaction, scope: Scope, items: ProgrammeItemInput[]) {
  const refs = items.map((item) => parseExerciseRef(item.ref));
  const own = await getClinicExercisesById(
    tx,
    scope,
    refs.flatMap((r) => (r?.kind === "clinic" ? [r.id] : [])),
  );
  return items.map((item, i) => {
    const ref = refs[i];
    const field = `items.${i}.ref`;
    if (ref?.kind === "built-in" && getBuiltInExercise(ref.slug)) return { item, builtInSlug: ref.slug, exerciseId: null };
    if (ref?.kind === "clinic" && isUuid(ref.id) && own.has(ref.id)) return { item, builtInSlug: null, exerciseId: ref.id };
    throw new RuleError("This exercise is not in the library: remove it and choose another", field);
  });
}

/**
 * Saves a programme as the patient's active one. If one is active already it
 * must be the one the builder started from (id and version): it becomes
 * "superseded" and stays readable. The unique partial index backs this up
 * against two saves racing.
 */
export async function saveProgramme(tx: Transaction, scope: Scope, input: ProgrammeInput, now = new Date()): Promise<string> {
  const patient = await getPatient(tx, scope, input.patientId);
  if (patient.archivedAt) throw new RuleError("This patient is archived: restore them before changing their programme.");
  if (input.startDate < patient.dateOfBirth) throw new RuleError("The start date cannot be before the patient's date of birth", "startDate");
  const resolved = await resolveItems(tx, scope, input.items);

  const [current] = await tx
    .select()
    .from(programmes)
    .where(and(eq(programmes.clinicId, scope.clinicId), eq(programmes.patientId, patient.id), eq(programmes.status, "active")))
    .for("update");
  if (current && (current.id !== input.supersedesId || current.version !== input.supersedesVersion)) throw new ConflictError(CHANGED_MEANWHILE);
  if (!current && input.supersedesId) throw new ConflictError(CHANGED_MEANWHILE);

  if (current) {
    const done = await tx
      .update(programmes)
      .set({ status: "superseded", updatedAt: now, version: sql`${programmes.version} + 1` })
      .where(and(eq(programmes.id, current.id), eq(programmes.clinicId, scope.clinicId), eq(programmes.version, current.version)))
      .returning({ id: programmes.id });
    if (done.length === 0) throw new ConflictError(CHANGED_MEANWHILE);
  }

  const [row] = await tx
    .insert(programmes)
    .values({
      clinicId: scope.clinicId,
      patientId: patient.id,
      practitionerId: scope.userId,
      versionNo: current ? current.versionNo + 1 : 1,
      supersedesId: current?.id ?? null,
      status: "active",
      goals: input.goals,
      startDate: input.startDate,
      reviewDate: input.reviewDate,
    })
    .returning({ id: programmes.id });
  if (!row) throw new Error("insert returned no row");

  await tx.insert(programmeItems).values(
    resolved.map(({ item, builtInSlug, exerciseId }, position) => ({
      clinicId: scope.clinicId,
      programmeId: row.id,
      position,
      builtInSlug,
      exerciseId,
      sets: item.sets,
      reps: item.reps,
      holdSeconds: item.holdSeconds,
      loadUnit: item.load?.unit ?? null,
      loadValue: item.load && item.load.unit !== "band" ? item.load.value : null,
      loadBand: item.load?.unit === "band" ? item.load.colour : null,
      timesPerDay: item.timesPerDay,
      daysPerWeek: item.daysPerWeek,
      side: item.side,
      notes: item.notes ? item.notes : null,
    })),
  );

  if (current) {
    await carryLinksToNewVersion(tx, scope, { id: current.id, patientId: patient.id }, { id: row.id, reviewDate: input.reviewDate }, now);
    await writeAudit(tx, scope, {
      action: "update",
      entity: "programme",
      entityId: current.id,
      patientId: patient.id,
      detail: { status: "superseded", supersededBy: row.id },
    });
  }
  await writeAudit(tx, scope, {
    action: "create",
    entity: "programme",
    entityId: row.id,
    patientId: patient.id,
    detail: { versionNo: current ? current.versionNo + 1 : 1, items: resolved.length, supersedes: current?.id ?? null },
  });
  // Summary rows follow every clinical write, in its transaction (lib/summaries).
  await refreshPatientSummary(tx, scope, patient.id);
  return row.id;
}

/** Completing or stopping ends the active programme; a stop needs a reason. */
export async function setProgrammeStatus(tx: Transaction, scope: Scope, input: ProgrammeStatusInput): Promise<{ patientId: string }> {
  const [current] = await tx
    .select({ patientId: programmes.patientId, status: programmes.status, version: programmes.version })
    .from(programmes)
    .where(and(eq(programmes.id, input.id), eq(programmes.clinicId, scope.clinicId)));
  if (!current) throw new NotFoundError("Programme");
  if (current.status !== "active") throw new RuleError("Only the active programme can be completed or stopped.");
  const rows = await tx
    .update(programmes)
    .set({
      status: input.status,
      stoppedReason: input.status === "stopped" ? input.reason : null,
      updatedAt: new Date(),
      version: sql`${programmes.version} + 1`,
    })
    .where(and(eq(programmes.id, input.id), eq(programmes.clinicId, scope.clinicId), eq(programmes.version, input.version)))
    .returning({ id: programmes.id });
  if (rows.length === 0) throw new ConflictError();
  await writeAudit(tx, scope, {
    action: "update",
    entity: "programme",
    entityId: input.id,
    patientId: current.patientId,
    reason: input.reason,
    detail: { status: input.status },
  });
  await refreshPatientSummary(tx, scope, current.patientId);
  return { patientId: current.patientId };
}
