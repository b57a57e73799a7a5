import { and, eq, inArray, sql } from "drizzle-orm";
import { queryRows } from "@/db/query-rows";
import type { Transporter } from "nodemailer";
import type { Database } from "@/db/client";
import { outboundMessages } from "@/db/schema";
import { errorCode, isPermanent, MAIL_RETRY, retryDelayMs, type RetryPolicy } from "./policy";

export type Mailer = { transport: Pick<Transporter, "sendMail">; from: string };
export type DeliveryOutcome = "sent" | "retrying" | "failed" | "skipped";

/**
 * The one job handler: tries to send one message and records the outcome on
 * its row (inside the message's clinic: `db` is that clinic's scoped handle).
 * A failure schedules the next attempt with backoff until the policy's last
 * attempt, then the message is "failed". Content is cleared once settled.
 * Nothing here logs; the caller may log the id and the outcome only.
 */
export async function deliverMessage(db: Database, messageId: string, mailer: Mailer, policy: RetryPolicy = MAIL_RETRY, now: () => Date = () => new Date()): Promise<DeliveryOutcome> {
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
    const last = attempts >= policy.maxAttempts || isPermanent(err);
    const at = now();
    await db
      .update(outboundMessages)
      .set({
        status: last ? "failed" : "retrying",
        attempts,
        lastErrorCode: errorCode(err),
        nextAttemptAt: new Date(at.getTime() + retryDelayMs(attempts, policy)),
        updatedAt: at,
        ...(last ? { content: null } : {}),
      })
      .where(eq(outboundMessages.id, messageId));
    return last ? "failed" : "retrying";
  }
  const at = now();
  await db
    .update(outboundMessages)
    .set({ status: "sent", attempts, content: null, sentAt: at, updatedAt: at, nextAttemptAt: at })
    .where(eq(outboundMessages.id, messageId));
  return "sent";
}

/** Ids (and clinics) of messages whose next attempt is due, across clinics (owner function, ids only). */
export async function dueMessages(db: Database, limit = 20): Promise<{ id: string; clinicId: string }[]> {
  const rows = await queryRows<{ id: string; clinic_id: string }>(db, sql`select id, clinic_id from due_outbound_messages(${limit})`);
  return rows.map((r) => ({ id: r.id, clinicId: r.clinic_id }));
}
