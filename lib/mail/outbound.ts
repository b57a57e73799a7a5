import { z } from "zod";
import type { Queryable } from "@/db/client";
import { outboundMessages, MESSAGE_PURPOSES } from "@/db/schema";

export const emailInput = z.object({
  recipient: z.string().trim().email().max(254),
  purpose: z.enum(MESSAGE_PURPOSES),
  patientId: z.string().uuid().nullable().optional(),
  subject: z.string().min(1).max(200),
  text: z.string().min(1).max(10_000),
});
export type EmailInput = z.input<typeof emailInput>;

/**
 * Queues one email in the caller's transaction (it is sent only if that
 * commits). The worker started with the server delivers it, with retries, and
 * keeps its status on the row. Returns the message id.
 */
export async function enqueueEmail(tx: Queryable, scope: { clinicId: string }, input: EmailInput): Promise<string> {
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
  return row!.id;
}

