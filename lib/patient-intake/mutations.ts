import { addDays } from "date-fns";
import { and, eq, gt, isNotNull, isNull } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { clinics, patientIntakes, patientLinks, patientReports } from "@/db/schema";
import { writeAudit, writeLinkAudit, type LinkActor } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { getClinicTimeZone } from "@/lib/clinic-settings/preferences";
import { scoreInstrument, type InstrumentInput, type ScoreFailure, type ScoreSuccess } from "@/lib/clinical/instruments";
import { screenRedFlags, type RedFlagAnswers, type RedFlagUrgency } from "@/lib/clinical/intake-red-flags";
import { NotFoundError, RuleError } from "@/lib/errors";
import { formatInstantDate } from "@/lib/format";
import { raiseRedFlagAlert } from "@/lib/alerts/raise";
import { emailInput, enqueueEmail } from "@/lib/mail/outbound";
import type { MailQueue } from "@/lib/mail/queue";
import { createLinkToken, hashLinkToken, linkPath } from "@/lib/patient-links/token";
import { scoredColumns } from "@/lib/patient-reports/mutations";
import { chooseVersion } from "@/lib/patient-reports/queries";
import { getPatient } from "@/lib/patients/queries";

/** An intake link is single-use and lasts 7 days, as a questionnaire link (issue 12) [house rule, not clinical]. */
export const INTAKE_LINK_DAYS = 7;

export type SentIntake = { linkId: string; intakeId: string; patientId: string; token: string; expiresAt: Date };

/**
 * "Send an intake": a single-use link of purpose "intake" and its intake row,
 * with the ODI version fixed now (the one last scored for the patient, else
 * the default). The token is returned once; only its hash is kept.
 */
export async function sendIntake(tx: Transaction, scope: Scope, input: { patientId: string }, now = new Date()): Promise<SentIntake> {
  const patient = await getPatient(tx, scope, input.patientId);
  if (patient.archivedAt) throw new RuleError("The patient is archived: restore them before sending an intake.");
  const odiVersion = await chooseVersion(tx, scope, patient.id, "odi");
  const token = createLinkToken();
  const expiresAt = addDays(now, INTAKE_LINK_DAYS);
  const [link] = await tx
    .insert(patientLinks)
    .values({ clinicId: scope.clinicId, patientId: patient.id, purpose: "intake", tokenHash: hashLinkToken(token), expiresAt, createdBy: scope.userId, createdAt: now })
    .returning({ id: patientLinks.id });
  if (!link) throw new Error("insert returned no row");
  const [intake] = await tx
    .insert(patientIntakes)
    .values({ clinicId: scope.clinicId, patientId: patient.id, linkId: link.id, odiVersion, createdBy: scope.userId, createdAt: now })
    .returning({ id: patientIntakes.id });
  if (!intake) throw new Error("insert returned no row");
  await writeAudit(tx, scope, { action: "create", entity: "patient_link", entityId: link.id, patientId: patient.id, detail: { purpose: "intake", intakeId: intake.id, expiresAt: expiresAt.toISOString() } });
  return { linkId: link.id, intakeId: intake.id, patientId: patient.id, token, expiresAt };
}

/**
 * The email that carries an intake link: the clinic's name, the address, when
 * it stops working. Nothing clinical (email travels outside the clinic's
 * control); the red-flag questions are on the page, not in the mail.
 */
export function composeIntakeEmail(input: { clinicName: string; url: string; until: string }): { subject: string; text: string } {
  return {
    subject: `Before your first visit to ${input.clinicName}`,
    text: [
      `${input.clinicName} asks you to answer a few questions before your first visit. It takes about five minutes on your phone.`,
      "",
      `Open it here: ${input.url}`,
      "",
      `The link works once, until ${input.until}. Anyone with it can answer in your name, so keep it to yourself.`,
      "If you did not expect this email, you can ignore it.",
    ].join("\n"),
  };
}

/**
 * "Email the intake link": the link (its token back from the staff member's
 * screen, or just made) must be an intake link of this patient, in force and
 * not yet answered. Queued to the patient's address on record, in the
 * caller's transaction, with its audit event. Returns the message id.
 */
export async function emailIntakeLink(
  tx: Transaction,
  scope: Scope,
  input: { patientId: string; token: string; origin: string },
  queue?: MailQueue | null,
  now = new Date(),
): Promise<{ messageId: string; recipient: string }> {
  const [link] = await tx
    .select({ id: patientLinks.id, expiresAt: patientLinks.expiresAt })
    .from(patientLinks)
    .innerJoin(patientIntakes, and(eq(patientIntakes.clinicId, patientLinks.clinicId), eq(patientIntakes.linkId, patientLinks.id), isNull(patientIntakes.completedAt)))
    .where(
      and(
        eq(patientLinks.clinicId, scope.clinicId),
        eq(patientLinks.patientId, input.patientId),
        eq(patientLinks.purpose, "intake"),
        eq(patientLinks.tokenHash, hashLinkToken(input.token)),
        isNull(patientLinks.revokedAt),
        gt(patientLinks.expiresAt, now),
      ),
    );
  if (!link) throw new NotFoundError("Link");
  const patient = await getPatient(tx, scope, input.patientId);
  if (!patient.email) throw new RuleError("The patient has no email address on record: add one to their details, or share the link by copy or QR code.", "email");
  if (!emailInput.shape.recipient.safeParse(patient.email).success) throw new RuleError("The patient's email address on record is not a valid address: correct it in their details.", "email");
  const [clinic] = await tx.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, scope.clinicId));
  const until = formatInstantDate(link.expiresAt, await getClinicTimeZone(tx, scope));
  const content = composeIntakeEmail({ clinicName: clinic?.name ?? "Your clinic", url: `${input.origin}${linkPath(input.token)}`, until });
  const messageId = await enqueueEmail(tx, scope, { recipient: patient.email, purpose: "patient_link", patientId: patient.id, ...content }, queue);
  await writeAudit(tx, scope, { action: "create", entity: "outbound_message", entityId: messageId, patientId: patient.id, detail: { purpose: "patient_link", linkId: link.id } });
  return { messageId, recipient: patient.email };
}

export type RedFlagRecord = { kind: "recorded"; urgency: RedFlagUrgency | null; alertId: string | null } | { kind: "used" };

/**
 * The patient's red-flag answers, through their link, stored the moment they
 * are sent: a "yes" raises the urgent staff alert in the same transaction,
 * whether or not the patient goes on. Taken once: the update only takes an
 * intake whose flags are still unanswered.
 */
export async function recordRedFlags(tx: Transaction, actor: LinkActor, answers: RedFlagAnswers, now = new Date()): Promise<RedFlagRecord> {
  const outcome = screenRedFlags(answers);
  const [row] = await tx
    .update(patientIntakes)
    .set({ redFlags: answers, redFlagUrgency: outcome.urgency, flagsAnsweredAt: now })
    .where(and(eq(patientIntakes.clinicId, actor.clinicId), eq(patientIntakes.linkId, actor.linkId), isNull(patientIntakes.flagsAnsweredAt)))
    .returning({ id: patientIntakes.id });
  if (!row) return { kind: "used" };
  // The detail names the record, never an answer.
  await writeLinkAudit(tx, actor, { action: "update", detail: { purpose: "intake", intakeId: row.id, step: "red-flags" } });
  const alertId = outcome.urgency ? await raiseRedFlagAlert(tx, actor, { positive: outcome.positive, urgency: outcome.urgency }, now) : null;
  return { kind: "recorded", urgency: outcome.urgency, alertId };
}

export type IntakeSubmitOutcome =
  | { kind: "saved"; intakeId: string; reportIds: string[] }
  | { kind: "used" }
  | { kind: "refused"; instrument: InstrumentInput["instrument"]; failure: ScoreFailure };

/** Every section of the ODI skipped: the patient had no sheet to answer from, so the intake goes without it. */
function isUnanswered(input: InstrumentInput): boolean {
  return input.instrument === "odi" && Object.values(input.sections).every((v) => v === null);
}

/**
 * The intake's NPRS and ODI, through the link: each scored by its own scorer
 * (which validates it) and stored as a patient-reported draft, a
 * patient_report row of the link that a practitioner accepts into an
 * assessment as any questionnaire's. An ODI with every section skipped is
 * left out; one scored too thinly is refused for the patient to answer more.
 * The intake is closed first, so a second submission finds nothing to fill.
 */
export async function submitIntake(tx: Transaction, actor: LinkActor, inputs: readonly InstrumentInput[], now = new Date()): Promise<IntakeSubmitOutcome> {
  const scored: { input: InstrumentInput; result: ScoreSuccess }[] = [];
  for (const input of inputs) {
    if (isUnanswered(input)) continue;
    const result = scoreInstrument(input);
    if (!result.ok) return { kind: "refused", instrument: input.instrument, failure: result };
    scored.push({ input, result });
  }
  const [intake] = await tx
    .update(patientIntakes)
    .set({ completedAt: now })
    .where(and(eq(patientIntakes.clinicId, actor.clinicId), eq(patientIntakes.linkId, actor.linkId), isNull(patientIntakes.completedAt), isNotNull(patientIntakes.flagsAnsweredAt)))
    .returning({ id: patientIntakes.id });
  if (!intake) return { kind: "used" };
  const reportIds: string[] = [];
  for (const { input, result } of scored) {
    const [row] = await tx
      .insert(patientReports)
      .values({
        clinicId: actor.clinicId,
        patientId: actor.patientId,
        linkId: actor.linkId,
        instrument: result.instrument,
        version: result.version,
        ...scoredColumns(input, result, now),
        createdAt: now,
      })
      .returning({ id: patientReports.id });
    if (!row) throw new Error("insert returned no row");
    reportIds.push(row.id);
  }
  await writeLinkAudit(tx, actor, { action: "create", detail: { purpose: "intake", intakeId: intake.id, reportIds } });
  return { kind: "saved", intakeId: intake.id, reportIds };
}
