import { addDays } from "date-fns";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { patientLinks, patientReports } from "@/db/schema";
import { writeAudit, writeLinkAudit, type LinkActor } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { scoreInstrument, type InstrumentId, type InstrumentInput, type ScoreFailure, type ScoreSuccess } from "@/lib/clinical/instruments";
import { NotFoundError, RuleError } from "@/lib/errors";
import { getPatient } from "@/lib/patients/queries";
import { createLinkToken, hashLinkToken } from "@/lib/patient-links/token";
import { chooseVersion, getBaselinePsfs } from "./queries";
import { NO_BASELINE_PSFS } from "./schemas";

/** A questionnaire link is single-use and lasts 7 days (issue 12). */
export const QUESTIONNAIRE_LINK_DAYS = 7;

export type SentQuestionnaire = { linkId: string; reportId: string; patientId: string; token: string; expiresAt: Date };

/**
 * "Send a questionnaire": a single-use link of purpose "questionnaire" and
 * the request it carries (instrument, version, and for the PSFS the baseline
 * activities, fixed now). The token is returned once; only its hash is kept.
 */
export async function sendQuestionnaire(tx: Transaction, scope: Scope, input: { patientId: string; instrument: InstrumentId }, now = new Date()): Promise<SentQuestionnaire> {
  const patient = await getPatient(tx, scope, input.patientId);
  if (patient.archivedAt) throw new RuleError("The patient is archived: restore them before sending a questionnaire.");
  const baseline = input.instrument === "psfs" ? await getBaselinePsfs(tx, scope, patient.id) : null;
  if (input.instrument === "psfs" && !baseline) throw new RuleError(`PSFS cannot be sent: ${NO_BASELINE_PSFS}`, "instrument");
  const version = baseline?.version ?? (await chooseVersion(tx, scope, patient.id, input.instrument));
  const token = createLinkToken();
  const expiresAt = addDays(now, QUESTIONNAIRE_LINK_DAYS);
  const [link] = await tx
    .insert(patientLinks)
    .values({ clinicId: scope.clinicId, patientId: patient.id, purpose: "questionnaire", tokenHash: hashLinkToken(token), expiresAt, createdBy: scope.userId, createdAt: now })
    .returning({ id: patientLinks.id });
  if (!link) throw new Error("insert returned no row");
  const [report] = await tx
    .insert(patientReports)
    .values({ clinicId: scope.clinicId, patientId: patient.id, linkId: link.id, instrument: input.instrument, version, activities: baseline?.activities ?? null, createdBy: scope.userId, createdAt: now })
    .returning({ id: patientReports.id });
  if (!report) throw new Error("insert returned no row");
  await writeAudit(tx, scope, { action: "create", entity: "patient_link", entityId: link.id, patientId: patient.id, detail: { purpose: "questionnaire", reportId: report.id, instrument: input.instrument, expiresAt: expiresAt.toISOString() } });
  return { linkId: link.id, reportId: report.id, patientId: patient.id, token, expiresAt };
}

/** A scored result as the report's columns (the same shape as instrument_result): one mapping for every patient-reported draft. */
export function scoredColumns(input: InstrumentInput, result: ScoreSuccess, now: Date) {
  return {
    status: "completed" as const,
    answers: input as Record<string, unknown>,
    items: result.items,
    score: result.score,
    scoreUnit: result.unit,
    scaleMin: result.scaleMin,
    scaleMax: result.scaleMax,
    direction: result.direction,
    band: result.band?.label ?? null,
    rule: result.rule,
    completedAt: now,
  };
}

export type SubmitOutcome = { kind: "saved"; reportId: string; result: ScoreSuccess } | { kind: "used" } | { kind: "refused"; failure: ScoreFailure };

/**
 * The patient's answers, through their link: scored by the instrument's own
 * scorer (which validates with its own zod schema) and stored once. The
 * update only takes a report still "sent", so a second submission, even a
 * concurrent one, finds nothing to fill and is told it was already sent.
 */
export async function submitQuestionnaire(tx: Transaction, actor: LinkActor, input: InstrumentInput, now = new Date()): Promise<SubmitOutcome> {
  const result = scoreInstrument(input);
  if (!result.ok) return { kind: "refused", failure: result };
  const [row] = await tx
    .update(patientReports)
    .set(scoredColumns(input, result, now))
    .where(and(eq(patientReports.clinicId, actor.clinicId), eq(patientReports.linkId, actor.linkId), eq(patientReports.status, "sent"), eq(patientReports.instrument, result.instrument)))
    .returning({ id: patientReports.id });
  if (!row) return { kind: "used" };
  // The detail names the record, never an answer or a score.
  await writeLinkAudit(tx, actor, { action: "create", detail: { purpose: "questionnaire", reportId: row.id } });
  return { kind: "saved", reportId: row.id, result };
}

async function decide(tx: Transaction, scope: Scope, reportId: string, patientId: string, change: { status: "accepted" | "dismissed"; assessmentId?: string }, now: Date): Promise<void> {
  const [row] = await tx
    .update(patientReports)
    .set({ status: change.status, assessmentId: change.assessmentId ?? null, decidedBy: scope.userId, decidedAt: now })
    .where(and(eq(patientReports.id, reportId), eq(patientReports.clinicId, scope.clinicId), eq(patientReports.patientId, patientId), eq(patientReports.status, "completed")))
    .returning({ id: patientReports.id });
  if (!row) throw new NotFoundError("Patient-reported questionnaire");
  await writeAudit(tx, scope, { action: "update", entity: "patient_report", entityId: row.id, patientId, detail: { status: change.status, ...(change.assessmentId ? { assessmentId: change.assessmentId } : {}) } });
}

/** The practitioner sets a patient-reported draft aside: it stays listed as dismissed, never deleted. */
export function dismissPatientReport(tx: Transaction, scope: Scope, input: { reportId: string; patientId: string }, now = new Date()): Promise<void> {
  return decide(tx, scope, input.reportId, input.patientId, { status: "dismissed" }, now);
}

/** Called in the same transaction that saves the assessment the draft was taken into. */
export function acceptPatientReport(tx: Transaction, scope: Scope, input: { reportId: string; patientId: string; assessmentId: string }, now = new Date()): Promise<void> {
  return decide(tx, scope, input.reportId, input.patientId, { status: "accepted", assessmentId: input.assessmentId }, now);
}
