import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import { clinics, enquiries, type EnquiryStatus } from "@/db/schema";
import { writeAudit, writePublicAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { reserveAttempt } from "@/lib/auth/throttle";
import { NotFoundError } from "@/lib/errors";
import type { PublicClinic } from "./queries";
import { acknowledgeEnquiry } from "./replies";
import type { MailQueue } from "@/lib/mail/queue";
import { CONSENT_TEXT, CONSENT_VERSION, ENQUIRY_ADDRESS_LIMIT, type EnquiryInput } from "./schemas";

/**
 * Counts one submission from this address against the sign-in throttle's
 * counters (lib/auth/throttle.ts), spam or not. An unknown address is
 * counted by the clinic's page alone, so it cannot flood one clinic either.
 */
export async function reserveEnquiry(db: Queryable, clinicId: string, ip: string | null): Promise<boolean> {
  const keys = { account: `enquiry:${clinicId}|${ip ?? "-"}`, address: ip ? `enquiry-ip:${ip}` : null, limits: { account: ENQUIRY_ADDRESS_LIMIT, address: ENQUIRY_ADDRESS_LIMIT } };
  return (await reserveAttempt(db, keys)).allowed;
}

/** Stores an enquiry with the consent wording and version it was given under, audited in the same transaction. */
export async function submitEnquiry(db: Queryable, clinic: PublicClinic, input: EnquiryInput, ip: string | null, queue?: MailQueue | null): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(enquiries)
      .values({
        clinicId: clinic.clinicId,
        name: input.name,
        phone: input.phone,
        email: input.email || null,
        concern: input.concern,
        preferredTimes: input.preferredTimes || null,
        consentText: CONSENT_TEXT,
        consentVersion: CONSENT_VERSION,
      })
      .returning({ id: enquiries.id });
    const acknowledged = await acknowledgeEnquiry(tx, { clinicId: clinic.clinicId }, { id: row!.id, name: input.name, email: input.email || null }, queue);
    await writePublicAudit(tx, { clinicId: clinic.clinicId, ip }, { action: "create", entity: "enquiry", entityId: row!.id, detail: { consentVersion: CONSENT_VERSION, acknowledged } });
    return row!.id;
  });
}

/** Staff move an enquiry along: new, contacted, booked, closed. */
export async function setEnquiryStatus(tx: Queryable, scope: Scope, enquiryId: string, status: EnquiryStatus): Promise<void> {
  const [row] = await tx
    .update(enquiries)
    .set({ status, statusChangedBy: scope.userId, statusChangedAt: new Date() })
    .where(and(eq(enquiries.clinicId, scope.clinicId), eq(enquiries.id, enquiryId)))
    .returning({ id: enquiries.id });
  if (!row) throw new NotFoundError("enquiry");
  await writeAudit(tx, scope, { action: "update", entity: "enquiry", entityId: enquiryId, detail: { status } });
}

/** The enquiry became this patient: it is kept with the record (no purge) and counts as booked. */
export async function linkEnquiryToPatient(tx: Queryable, scope: Scope, enquiryId: string, patientId: string): Promise<void> {
  const [row] = await tx
    .update(enquiries)
    .set({ patientId, status: "booked", statusChangedBy: scope.userId, statusChangedAt: new Date() })
    .where(and(eq(enquiries.clinicId, scope.clinicId), eq(enquiries.id, enquiryId)))
    .returning({ id: enquiries.id });
  if (!row) throw new NotFoundError("enquiry");
  await writeAudit(tx, scope, { action: "update", entity: "enquiry", entityId: enquiryId, patientId, detail: { convertedTo: patientId } });
}

/**
 * Deletes, in every clinic, the enquiries that never became a patient and are
 * older than the clinic's retention period; each clinic's deletion is audited
 * as a count (migration 0018's purge_expired_enquiries runs as the owner).
 */
export async function purgeExpiredEnquiries(db: Queryable): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select purge_expired_enquiries() as n`);
  return row?.n ?? 0;
}

/** An admin sets the clinic's retention period for enquiries that never became patients. */
export async function setEnquiryRetention(tx: Queryable, scope: Scope, days: number): Promise<void> {
  await tx.update(clinics).set({ enquiryRetentionDays: days }).where(eq(clinics.id, scope.clinicId));
  await writeAudit(tx, scope, { action: "update", entity: "clinic", entityId: scope.clinicId, detail: { enquiryRetentionDays: days } });
}
