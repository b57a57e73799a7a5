import { and, eq, isNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { assessmentRevisions, assessments, instrumentResults, measurements, patternTags } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import type { PatternSuggestion } from "@/lib/clinical/pattern-suggest";
import { ConflictError, RuleError } from "@/lib/errors";
import { getPatient, type PatientRecord } from "@/lib/patients/queries";
import { buildContent, type AssessmentContent } from "./content";
import { isFutureDate, toAssessedAt } from "./dates";
import { getAssessmentRow } from "./queries";
import { getClinicClinicalSettings } from "@/lib/clinic-settings/queries";
import { listUndecided, suggestForAssessment } from "./suggestions";
import type { AssessmentSubmission, ValidatedAssessment } from "./validate-form";
import { refreshPatientSummary } from "@/lib/summaries/refresh";
import { acceptPatientReport } from "@/lib/patient-reports/mutations";

export const DRAFT_CHANGED_MESSAGE =
  "The draft changed since you opened it (someone saved it in the meantime). Nothing was saved and your entries are still on screen: reload to see the other changes, then enter yours again.";
export const SIGNED_CHANGED_MESSAGE =
  "This assessment changed since you opened it (it was signed or amended in the meantime). Nothing was saved: reload to see the current version.";
export const SIGNED_LOCKED_MESSAGE = "This assessment is signed and locked. Change it with an amendment and a reason.";

/** Signing needs every suggested pattern confirmed or dismissed; carries them so the form can show why. */
export class UndecidedPatternsError extends RuleError {
  constructor(readonly suggestions: PatternSuggestion[], readonly undecided: PatternSuggestion[]) {
    super("Confirm or dismiss each suggested pattern before signing.");
    this.name = "UndecidedPatternsError";
  }
}

type WriteContext = { timeZone: string; now?: Date };

async function loadPatientForWrite(tx: Transaction, scope: Scope, patientId: string): Promise<PatientRecord> {
  const patient = await getPatient(tx, scope, patientId);
  if (patient.archivedAt) throw new RuleError("This patient is archived: restore them before recording an assessment.");
  return patient;
}

/** Inserts the current result rows of an assessment in bulk: instruments, measurements, pattern decisions. */
async function insertResultRows(
  tx: Transaction,
  scope: Scope,
  target: { id: string; patientId: string; assessedAt: Date },
  content: AssessmentContent,
  now: Date,
) {
  const base = { clinicId: scope.clinicId, patientId: target.patientId, assessmentId: target.id };
  if (content.instruments.length > 0) {
    await tx.insert(instrumentResults).values(
      content.instruments.map((r) => ({
        ...base,
        instrument: r.instrument,
        version: r.version,
        items: r.items,
        score: r.score,
        scoreUnit: r.unit,
        scaleMin: r.scaleMin,
        scaleMax: r.scaleMax,
        direction: r.direction,
        band: r.band,
        rule: r.rule,
        takenAt: target.assessedAt,
      })),
    );
  }
  if (content.measurements.length > 0) {
    await tx.insert(measurements).values(
      content.measurements.map((m) => ({ ...base, code: m.code, side: m.side, value: m.value, unit: m.unit, method: m.method, abnormal: m.abnormal, examinerId: scope.userId, takenAt: target.assessedAt })),
    );
  }
  if (content.patterns.length > 0) {
    await tx.insert(patternTags).values(
      content.patterns.map((p) => ({ ...base, pattern: p.pattern, status: p.status, suggested: p.suggested, triggers: p.triggers, decidedBy: scope.userId, decidedAt: now })),
    );
  }
}

/**
 * A draft is one working copy: its rows are replaced on each save. History
 * starts at signature, after which rows are only ever superseded.
 */
async function deleteDraftRows(tx: Transaction, scope: Scope, id: string) {
  for (const table of [instrumentResults, measurements, patternTags] as const) {
    await tx.delete(table).where(and(eq(table.clinicId, scope.clinicId), eq(table.assessmentId, id)));
  }
}

async function supersedeRows(tx: Transaction, scope: Scope, id: string, at: Date) {
  for (const table of [instrumentResults, measurements, patternTags] as const) {
    await tx
      .update(table)
      .set({ supersededAt: at })
      .where(and(eq(table.clinicId, scope.clinicId), eq(table.assessmentId, id), isNull(table.supersededAt)));
  }
}

/** Works out the stored date and content, refusing a future date and (when signing) undecided suggestions. */
async function prepare(tx: Transaction, scope: Scope, patient: PatientRecord, input: ValidatedAssessment, signing: boolean, practitionerId: string, ctx: WriteContext) {
  const now = ctx.now ?? new Date();
  if (isFutureDate(input.assessedOn, ctx.timeZone, now)) throw new RuleError("The assessment date cannot be in the future", "assessedOn");
  const { coreRatioFraction } = await getClinicClinicalSettings(tx, scope);
  const suggestions = suggestForAssessment(input.measurements, patient.sex, { coreRatioFraction });
  const undecided = listUndecided(suggestions, input.decisions);
  if (signing && undecided.length > 0) throw new UndecidedPatternsError(suggestions, undecided);
  const assessedAt = toAssessedAt(input.assessedOn, ctx.timeZone, now);
  const content = buildContent({ assessment: input, assessedAt, practitionerId, suggestions });
  return { now, assessedAt, content };
}

function headerFields(input: ValidatedAssessment, assessedAt: Date) {
  return { region: input.region, chiefComplaint: input.chiefComplaint, notes: input.notes, planNotes: input.planNotes, assessedAt };
}

async function writeRevision(tx: Transaction, scope: Scope, id: string, revision: number, content: AssessmentContent, reason: string | null, at: Date) {
  await tx.insert(assessmentRevisions).values({ clinicId: scope.clinicId, assessmentId: id, revision, content, reason, signedBy: scope.userId, signedAt: at });
}

/** A new assessment: saved as a draft, or signed at once (revision 1). Returns its id. */
export async function createAssessment(tx: Transaction, scope: Scope, submission: AssessmentSubmission, ctx: WriteContext): Promise<string> {
  const patient = await loadPatientForWrite(tx, scope, submission.patientId);
  const signing = submission.intent === "sign";
  const { now, assessedAt, content } = await prepare(tx, scope, patient, submission.assessment, signing, scope.userId, ctx);
  const [row] = await tx
    .insert(assessments)
    .values({
      clinicId: scope.clinicId,
      patientId: patient.id,
      practitionerId: scope.userId,
      ...headerFields(submission.assessment, assessedAt),
      status: signing ? "signed" : "draft",
      revision: signing ? 1 : 0,
      signedAt: signing ? now : null,
      signedBy: signing ? scope.userId : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: assessments.id });
  if (!row) throw new Error("insert returned no row");
  await insertResultRows(tx, scope, { id: row.id, patientId: patient.id, assessedAt }, content, now);
  await writeAudit(tx, scope, { action: "create", entity: "assessment", entityId: row.id, patientId: patient.id });
  for (const reportId of submission.patientReportIds ?? []) await acceptPatientReport(tx, scope, { reportId, patientId: patient.id, assessmentId: row.id }, now);
  if (signing) {
    await writeRevision(tx, scope, row.id, 1, content, null, now);
    await writeAudit(tx, scope, { action: "sign", entity: "assessment", entityId: row.id, patientId: patient.id, detail: { revision: 1 } });
  }
  // Summary rows follow every clinical write, in its transaction (lib/summaries).
  await refreshPatientSummary(tx, scope, patient.id);
  return row.id;
}

/** Saves a draft over itself (optimistic version), or signs it when the intent is "sign". */
export async function saveDraft(tx: Transaction, scope: Scope, submission: AssessmentSubmission, ctx: WriteContext): Promise<void> {
  const { id, version } = requireExisting(submission);
  const current = await getAssessmentRow(tx, scope, id, submission.patientId);
  if (current.status === "signed") throw new RuleError(SIGNED_LOCKED_MESSAGE);
  const patient = await loadPatientForWrite(tx, scope, submission.patientId);
  const signing = submission.intent === "sign";
  const { now, assessedAt, content } = await prepare(tx, scope, patient, submission.assessment, signing, current.practitionerId, ctx);
  const updated = await tx
    .update(assessments)
    .set({
      ...headerFields(submission.assessment, assessedAt),
      updatedAt: now,
      version: sql`${assessments.version} + 1`,
      ...(signing ? { status: "signed" as const, revision: 1, signedAt: now, signedBy: scope.userId } : {}),
    })
    .where(and(eq(assessments.id, id), eq(assessments.clinicId, scope.clinicId), eq(assessments.version, version), eq(assessments.status, "draft")))
    .returning({ id: assessments.id });
  if (updated.length === 0) throw new ConflictError(DRAFT_CHANGED_MESSAGE);
  await deleteDraftRows(tx, scope, id);
  await insertResultRows(tx, scope, { id, patientId: current.patientId, assessedAt }, content, now);
  if (signing) {
    await writeRevision(tx, scope, id, 1, content, null, now);
    await writeAudit(tx, scope, { action: "sign", entity: "assessment", entityId: id, patientId: current.patientId, detail: { revision: 1 } });
  } else {
    await writeAudit(tx, scope, { action: "update", entity: "assessment", entityId: id, patientId: current.patientId, detail: { version: version + 1 } });
  }
  await refreshPatientSummary(tx, scope, current.patientId);
}

/** Amends a signed assessment: current rows superseded, new ones written, revision n+1 with the reason. */
export async function amendAssessment(tx: Transaction, scope: Scope, submission: AssessmentSubmission, ctx: WriteContext): Promise<number> {
  const { id, version } = requireExisting(submission);
  if (!submission.reason) throw new RuleError("Say why the signed assessment is amended", "reason");
  const current = await getAssessmentRow(tx, scope, id, submission.patientId);
  if (current.status !== "signed") throw new RuleError("This assessment is still a draft: save or sign it instead of amending it.");
  // An archived patient's signed record may still need correcting: no archive check here
  const patient = await getPatient(tx, scope, submission.patientId);
  const { now, assessedAt, content } = await prepare(tx, scope, patient, submission.assessment, true, current.practitionerId, ctx);
  const revision = current.revision + 1;
  const updated = await tx
    .update(assessments)
    .set({ ...headerFields(submission.assessment, assessedAt), revision, updatedAt: now, version: sql`${assessments.version} + 1` })
    .where(and(eq(assessments.id, id), eq(assessments.clinicId, scope.clinicId), eq(assessments.version, version), eq(assessments.status, "signed")))
    .returning({ id: assessments.id });
  if (updated.length === 0) throw new ConflictError(SIGNED_CHANGED_MESSAGE);
  await supersedeRows(tx, scope, id, now);
  await insertResultRows(tx, scope, { id, patientId: current.patientId, assessedAt }, content, now);
  await writeRevision(tx, scope, id, revision, content, submission.reason, now);
  await writeAudit(tx, scope, {
    action: "amend",
    entity: "assessment",
    entityId: id,
    patientId: current.patientId,
    reason: submission.reason,
    detail: { revision },
  });
  await refreshPatientSummary(tx, scope, current.patientId);
  return revision;
}

function requireExisting(submission: AssessmentSubmission): { id: string; version: number } {
  if (!submission.id || submission.version === null) throw new RuleError("Reload the page and try again.");
  return { id: submission.id, version: submission.version };
}
