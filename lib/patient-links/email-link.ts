import { and, eq, gt, isNull } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { clinics, patientLinks } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { getClinicTimeZone } from "@/lib/clinic-settings/preferences";
import { NotFoundError, RuleError } from "@/lib/errors";
import { formatInstantDate } from "@/lib/format";
import { emailInput, enqueueEmail } from "@/lib/mail/outbound";
import type { MailQueue } from "@/lib/mail/queue";
import { getPatient } from "@/lib/patients/queries";
import { hashLinkToken, linkPath } from "./token";

/**
 * The email that carries a programme link: the clinic's name, the address and
 * when it stops working. Nothing clinical (no exercise, no diagnosis, no
 * surname), since email travels and is kept outside the clinic's control.
 */
export function composeLinkEmail(input: { clinicName: string; url: string; until: string }): { subject: string; text: string } {
  return {
    subject: `Your exercise programme from ${input.clinicName}`,
    text: [
      `${input.clinicName} has shared your home exercise programme with you.`,
      "",
      `Open it on your phone: ${input.url}`,
      "",
      `The link works until ${input.until}. Anyone with it can open your programme, so keep it to yourself.`,
      "If you did not expect this email, you can ignore it.",
    ].join("\n"),
  };
}

/**
 * "Email the link": the staff member has just made the link (its token is
 * shown once, so it comes back from their screen); it must be the
 * programme's live link in this clinic. Queued to the patient's address on
 * record, in one transaction with its audit event. Returns the message id.
 */
export async function emailProgrammeLink(
  tx: Transaction,
  scope: Scope,
  input: { programmeId: string; token: string; origin: string },
  queue?: MailQueue | null,
  now = new Date(),
): Promise<{ messageId: string; recipient: string }> {
  const [link] = await tx
    .select({ id: patientLinks.id, patientId: patientLinks.patientId, expiresAt: patientLinks.expiresAt })
    .from(patientLinks)
    .where(
      and(
        eq(patientLinks.clinicId, scope.clinicId),
        eq(patientLinks.programmeId, input.programmeId),
        eq(patientLinks.tokenHash, hashLinkToken(input.token)),
        isNull(patientLinks.revokedAt),
        gt(patientLinks.expiresAt, now),
      ),
    );
  if (!link) throw new NotFoundError("Link");
  const patient = await getPatient(tx, scope, link.patientId);
  if (!patient.email) throw new RuleError("The patient has no email address on record: add one to their details, or share the link by copy or QR code.");
  if (!emailInput.shape.recipient.safeParse(patient.email).success) throw new RuleError("The patient's email address on record is not a valid address: correct it in their details.");
  const [clinic] = await tx.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, scope.clinicId));
  const until = formatInstantDate(link.expiresAt, await getClinicTimeZone(tx, scope));
  const content = composeLinkEmail({ clinicName: clinic?.name ?? "Your clinic", url: `${input.origin}${linkPath(input.token)}`, until });
  const messageId = await enqueueEmail(tx, scope, { recipient: patient.email, purpose: "patient_link", patientId: patient.id, ...content }, queue);
  await writeAudit(tx, scope, { action: "create", entity: "outbound_message", entityId: messageId, patientId: patient.id, detail: { purpose: "patient_link", linkId: link.id } });
  return { messageId, recipient: patient.email };
}
