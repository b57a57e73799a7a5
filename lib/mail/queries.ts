import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { outboundMessages, type MessagePurpose } from "@/db/schema";

export type DeliveryRow = {
  id: string;
  recipient: string;
  purpose: MessagePurpose;
  status: "queued" | "retrying" | "sent" | "failed";
  attempts: number;
  lastErrorCode: string | null;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
};

/** The delivery status of a clinic's recent messages, newest first (optionally one patient's). */
export async function getDeliveryStatus(db: Queryable, scope: { clinicId: string }, opts: { patientId?: string; limit?: number } = {}): Promise<DeliveryRow[]> {
  const where = opts.patientId
    ? and(eq(outboundMessages.clinicId, scope.clinicId), eq(outboundMessages.patientId, opts.patientId))
    : eq(outboundMessages.clinicId, scope.clinicId);
  return db
    .select({
      id: outboundMessages.id,
      recipient: outboundMessages.recipient,
      purpose: outboundMessages.purpose,
      status: outboundMessages.status,
      attempts: outboundMessages.attempts,
      lastErrorCode: outboundMessages.lastErrorCode,
      createdAt: outboundMessages.createdAt,
      updatedAt: outboundMessages.updatedAt,
      sentAt: outboundMessages.sentAt,
    })
    .from(outboundMessages)
    .where(where)
    .orderBy(desc(outboundMessages.createdAt))
    .limit(Math.min(opts.limit ?? 20, 100));
}
