import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { exercises } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { ConflictError, RuleError } from "@/lib/errors";
import { getClinicExercise } from "./queries";
import type { ExerciseInput } from "./schemas";

/** Clinic exercises only: built-ins live in code and are copied, never changed. */
export async function createExercise(tx: Transaction, scope: Scope, input: ExerciseInput): Promise<string> {
  const [row] = await tx
    .insert(exercises)
    .values({ ...input, clinicId: scope.clinicId, createdBy: scope.userId })
    .returning({ id: exercises.id });
  if (!row) throw new Error("insert returned no row");
  await writeAudit(tx, scope, { action: "create", entity: "exercise", entityId: row.id, detail: input.basedOn ? { copiedFrom: input.basedOn } : null });
  return row.id;
}

export async function updateExercise(tx: Transaction, scope: Scope, id: string, version: number, input: ExerciseInput): Promise<void> {
  const current = await getClinicExercise(tx, scope, id);
  if (current.archivedAt) throw new RuleError("This exercise is archived: restore it before editing.");
  // A copy keeps naming the built-in it came from, whatever the form says.
  const fields: Omit<ExerciseInput, "basedOn"> & { basedOn?: string | null } = { ...input };
  delete fields.basedOn;
  const rows = await tx
    .update(exercises)
    .set({ ...fields, updatedAt: new Date(), version: sql`${exercises.version} + 1` })
    .where(and(eq(exercises.id, id), eq(exercises.clinicId, scope.clinicId), eq(exercises.version, version)))
    .returning({ id: exercises.id });
  if (rows.length === 0) throw new ConflictError();
  const changed = Object.keys(fields).filter(
    (k) => JSON.stringify(fields[k as keyof typeof fields]) !== JSON.stringify(current[k as keyof typeof current]),
  );
  await writeAudit(tx, scope, { action: "update", entity: "exercise", entityId: id, detail: { fields: changed } });
}

/** Archived exercises leave the library; programmes that use them still show them. */
export async function setExerciseArchived(tx: Transaction, scope: Scope, id: string, archived: boolean): Promise<void> {
  const rows = await tx
    .update(exercises)
    .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date(), version: sql`${exercises.version} + 1` })
    .where(and(eq(exercises.id, id), eq(exercises.clinicId, scope.clinicId), archived ? isNull(exercises.archivedAt) : isNotNull(exercises.archivedAt)))
    .returning({ id: exercises.id });
  if (rows.length === 0) {
    await getClinicExercise(tx, scope, id); // NotFoundError for a foreign or unknown id
    return;
  }
  await writeAudit(tx, scope, { action: archived ? "archive" : "restore", entity: "exercise", entityId: id });
}
