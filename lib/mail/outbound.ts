import { z } from "zod";
import type { Queryable } from "@/db/client";
import { outboundMessages, MESSAGE_PURPOSES } from "@/db/schema";
import { RuleError } from "@/lib/errors";
import { getMailQueue, sendMailJob, type MailQueue } from "./queue";

export const emailInput = z.object({
  recipient: z.string().trim().email().max(254),
  purpose: z.enum(MESSAGE_PURPOSES),
  patientId: z.string().uuid().nullable().optional(),
  subject: z.string().min(1).max(200),
  text: z.string().min(1).max(10_000),
});
export type EmailInput = z.input<typeof emailInput>;

/**
 * Queues one email in the caller's transaction: its row (the delivery status
 * Settings -> Email shows) and its pg-boss job, both written through `tx`, so
 * nothing is sent if that transaction rolls back. The mail worker started
 * with the server delivers it, with retries. Returns the message id. Refused
 * (RuleError) when email is off: no queue is running.
 */
export async function enqueueEmail(tx: Queryable, scope: { clinicId: string }, input: EmailInput, queue: MailQueue | null = getMailQueue()): Promise<string> {
  if (!queue) throw new RuleError("Email is off on this server: share the link by copying it or with the QR code.");
  const v = emailInput.parse(input);
  const [row] = await tx
    .insert(outboundMessages)
    .values({
      clinicId: scope.clinicId,
      patientId: v.patientId ?? null,
      recipient: v.recipient,
      purpose: v.purpose,
      content: { subject: v.subject, text: v.text },
    })
    .returning({ id: outboundMessages.id });
  await sendMailJob(tx, queue, row!.id, scope.clinicId);
  return row!.id;
}

