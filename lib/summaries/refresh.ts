import { and, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { patients, patientSummaries, summaryStates } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { getClinicClinicalSettings } from "@/lib/clinic-settings/queries";
import { computeSummaries, type ComputedSummary } from "./compute";

const REBUILD_BATCH = 2000;

const at = (ms: number | null) => (ms === null ? null : new Date(ms));

function toRow(clinicId: string, s: ComputedSummary, now: Date): typeof patientSummaries.$inferInsert {
  return {
    patientId: s.patient_id,
    clinicId,
    firstAssessedAt: at(s.first_assessed),
    lastAssessedAt: at(s.last_assessed),
    activeProgramme: s.active_programme,
    reviewDate: s.review_date,
    courseId: s.course_id,
    courseStatus: s.course_status,
    plannedSessions: s.planned_sessions,
    courseCompleted: s.course_completed,
    halfAt: at(s.half_at),
    finalAt: at(s.final_at),
    sessionsCompleted: s.sessions_completed,
    enoughSessionsAt: at(s.enough_sessions_at),
    history: s.history,
    improved: s.improved,
    practitionerId: s.practitioner_id,
    archived: s.archived,
    completedAt: at(s.completed_at),
    patterns: s.patterns,
    notImprovingFrom: at(s.not_improving_from),
    reassessmentDue: s.reassessment_due,
    reviewDueAt: at(s.review_due_at),
    assessmentOverdueAt: at(s.assessment_overdue_at),
    dueFrom: at(s.due_from),
    adherence: s.adherence,
    lowAdherenceWeek: s.low_adherence_week,
    refreshedAt: now,
  };
}

// Every column but the key and the clinic takes the recomputed value.
const UPSERT_SET = Object.fromEntries(
  Object.entries(getTableColumns(patientSummaries))
    .filter(([key]) => key !== "patientId" && key !== "clinicId")
    .map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)]),
);

/** Nothing to summarise: no signed score, assessment, programme, course, session, completion or adherence. Such a patient has no row. */
export const isEmptySummary = (s: ComputedSummary) =>
  s.first_assessed === null && !s.active_programme && s.course_id === null && s.sessions_completed === 0 && s.history.length === 0 &&
  s.completed_at === null && s.adherence.length === 0;

async function writeSummaries(tx: Queryable, clinicId: string, all: ComputedSummary[]) {
  const now = new Date();
  const empty = all.filter(isEmptySummary).map((s) => s.patient_id);
  if (empty.length > 0) await tx.delete(patientSummaries).where(and(eq(patientSummaries.clinicId, clinicId), inArray(patientSummaries.patientId, empty)));
  const computed = all.filter((s) => !isEmptySummary(s));
  // Batches keep each statement's parameter count well under PostgreSQL's limit.
  for (let i = 0; i < computed.length; i += 500) {
    const rows = computed.slice(i, i + 500).map((s) => toRow(clinicId, s, now));
    await tx.insert(patientSummaries).values(rows).onConflictDoUpdate({ target: patientSummaries.patientId, set: UPSERT_SET });
  }
}

/**
 * THE write hook of the summary rows: recomputes one patient's row from the source tables
 * with the outcome model. Call it inside the transaction of every write that changes a
 * patient's assessments, scores, programmes, decompression courses or sessions, after the
 * write. Another clinic's or an unknown patient writes nothing.
 */
export async function refreshPatientSummary(tx: Queryable, scope: Pick<Scope, "clinicId">, patientId: string): Promise<void> {
  const { mcidOverrides } = await getClinicClinicalSettings(tx, scope);
  const computed = await computeSummaries(tx, scope.clinicId, sql`p.id = ${patientId}`, mcidOverrides);
  await writeSummaries(tx, scope.clinicId, computed);
}

/**
 * Every summary of the scope's clinic from scratch: after a change of the clinic's
 * meaningful-change rules (the verdicts follow them), and from the rebuild script.
 */
export async function rebuildClinicSummaries(tx: Queryable, scope: Pick<Scope, "clinicId">): Promise<number> {
  const { mcidOverrides } = await getClinicClinicalSettings(tx, scope);
  await tx.delete(patientSummaries).where(eq(patientSummaries.clinicId, scope.clinicId));
  const ids = (await tx.select({ id: patients.id }).from(patients).where(eq(patients.clinicId, scope.clinicId)).orderBy(patients.id)).map((r) => r.id);
  let summarised = 0;
  // A few thousand patients per statement: each stays far inside the statement timeout at any clinic size.
  for (let i = 0; i < ids.length; i += REBUILD_BATCH) {
    const batch = ids.slice(i, i + REBUILD_BATCH);
    const computed = await computeSummaries(tx, scope.clinicId, sql`p.id >= ${batch[0]} and p.id <= ${batch.at(-1)}`, mcidOverrides);
    await writeSummaries(tx, scope.clinicId, computed);
    summarised += computed.length;
  }
  await tx.insert(summaryStates).values({ clinicId: scope.clinicId }).onConflictDoUpdate({ target: summaryStates.clinicId, set: { builtAt: sql`now()` } });
  return summarised;
}

/** The clinic's summaries need a rebuild before they are read again (its meaningful-change rules changed). */
export async function markClinicSummariesStale(tx: Queryable, scope: Scope): Promise<void> {
  await tx.delete(summaryStates).where(eq(summaryStates.clinicId, scope.clinicId));
}

/**
 * Before reading summaries: rebuilds the clinic's rows when they are not known complete (one
 * primary-key read otherwise). Concurrent first readers queue on the state row's lock, and
 * only the first rebuilds.
 */
export async function ensureClinicSummaries(db: Queryable, scope: Scope): Promise<void> {
  const [state] = await db.select({ at: summaryStates.builtAt }).from(summaryStates).where(eq(summaryStates.clinicId, scope.clinicId));
  if (state) return;
  await db.transaction(async (tx) => {
    const [claimed] = await tx.insert(summaryStates).values({ clinicId: scope.clinicId }).onConflictDoNothing().returning({ clinicId: summaryStates.clinicId });
    if (claimed) await rebuildClinicSummaries(tx, scope);
  });
}
