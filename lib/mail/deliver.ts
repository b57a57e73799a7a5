import { and, eq, inArray } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import type { Database } from "@/db/client";
import { outboundMessages } from "@/db/schema";
import { errorCode, isPermanent } from "./policy";

export type Mailer = { transport: Pick<Transporter, "sendMail">; from: string };
export type DeliveryOutcome = "sent" | "retrying" | "failed" | "skipped";

/**
 * The one job handler: tries to send one message and records the outcome on
 * its row (inside the message's clinic: `db` is that clinic's scoped handle).
 * A failure leaves it "retrying" unless this was the queue's last attempt or
 * the refusal is permanent, then it is "failed". Content is cleared once
 * settled. The queue (lib/mail/queue.ts) decides when the next attempt runs.
 * Nothing here logs; the caller may log the id and the outcome only.
 */
export async function deliverMessage(db: Database, messageId: string, mailer: Mailer, attempt: { last: boolean }, now: () => Date = () => new Date()): Promise<DeliveryOutcome> {
  const [msg] = await db
    .select()
    .from(outboundMessages)
    .where(and(eq(outboundMessages.id, messageId), inArray(outboundMessages.status, ["queued", "retrying"])))
    .limit(1);
  if (!msg || !msg.content) return "skipped";
  const attempts = msg.attempts + 1;
  try {
    await mailer.transport.sendMail({ from: mailer.from, to: msg.recipient, subject: msg.content.subject, text: msg.content.text });
  } catch (err) {
    const last = attempt.last || isPermanent(err);
    await db
      .update(outboundMessages)
      .set({ status: last ? "failed" : "retrying", attempts, lastErrorCode: errorCode(err), updatedAt: now(), ...(last ? { content: null } : {}) })
      .where(eq(outboundMessages.id, messageId));
    return last ? "failed" : "retrying";
  }
  const at = now();
  await db.update(outboundMessages).set({ status: "sent", attempts, content: null, sentAt: at, updatedAt: at }).where(eq(outboundMessages.id, messageId));
  return "sent";
}
