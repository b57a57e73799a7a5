import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { clinics, enquiries, enquiryReplies, outboundMessages, REPLY_CHANNELS, type MessageStatus, type ReplyChannel } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { ClinicScope, Scope } from "@/lib/auth/scope-types";
import { NotFoundError, RuleError } from "@/lib/errors";
import { plainText } from "@/lib/forms/text";
import { enqueueEmail } from "@/lib/mail/outbound";
import { getMailQueue, type MailQueue } from "@/lib/mail/queue";
import { RESPONSE_HOURS } from "./queries";
import { ACKNOWLEDGEMENT, firstNameOf, getReplyTemplate, REPLY_TEMPLATES, type ReplyVars } from "./reply-templates";

export const replySchema = z.object({
  enquiryId: z.uuid("Enquiry not found"),
  template: z.enum(REPLY_TEMPLATES.map((t) => t.key) as [string, ...string[]], { message: "Choose a template" }),
  channel: z.enum(REPLY_CHANNELS, { message: "Choose email or phone" }),
  body: plainText("The reply", "multi").trim().min(1, "Write the reply (or what was said on the phone)").max(5000, "The reply is at most 5,000 characters"),
});
export type ReplyInput = z.output<typeof replySchema>;

/** What the templates fill in from the clinic; `forEnquirer` adds the enquirer's first name (an inbox reads the clinic once). */
export async function clinicReplyVars(db: Queryable, scope: ClinicScope): Promise<Omit<ReplyVars, "firstName">> {
  const [clinic] = await db.select({ name: clinics.name, phone: clinics.phone }).from(clinics).where(eq(clinics.id, scope.clinicId));
  return { clinicName: clinic?.name ?? "", clinicPhone: clinic?.phone ?? null, responseHours: RESPONSE_HOURS };
}

export function forEnquirer(vars: Omit<ReplyVars, "firstName">, enquirerName: string): ReplyVars {
  return { ...vars, firstName: firstNameOf(enquirerName) };
}

async function replyVars(db: Queryable, scope: ClinicScope, enquirerName: string): Promise<ReplyVars> {
  return forEnquirer(await clinicReplyVars(db, scope), enquirerName);
}

/**
 * The automatic acknowledgement of a new enquiry, in the transaction that
 * stores it: queued only when email is on (the mail queue runs) and the
 * enquirer gave an address, and kept on the enquiry. Returns whether one was queued.
 */
export async function acknowledgeEnquiry(tx: Queryable, scope: ClinicScope, enquiry: { id: string; name: string; email: string | null }, queue: MailQueue | null = getMailQueue()): Promise<boolean> {
  if (!queue || !enquiry.email) return false;
  const vars = await replyVars(tx, scope, enquiry.name);
  const text = ACKNOWLEDGEMENT.text(vars);
  const messageId = await enqueueEmail(tx, scope, { recipient: enquiry.email, purpose: "enquiry_reply", patientId: null, subject: ACKNOWLEDGEMENT.subject(vars), text }, queue);
  await tx.insert(enquiryReplies).values({ clinicId: scope.clinicId, enquiryId: enquiry.id, template: ACKNOWLEDGEMENT.key, channel: "email", body: text, outboundMessageId: messageId, sentBy: null });
  return true;
}

/**
 * A staff reply: by email through the mail queue (email on, and the enquirer
 * gave an address), or a note of what was said on the phone. Kept on the
 * enquiry, audited without its text; a new enquiry counts as contacted.
 */
export async function replyToEnquiry(tx: Queryable, scope: Scope, input: ReplyInput, queue: MailQueue | null = getMailQueue()): Promise<{ channel: ReplyChannel }> {
  const [enquiry] = await tx
    .select({ id: enquiries.id, name: enquiries.name, email: enquiries.email, status: enquiries.status })
    .from(enquiries)
    .where(and(eq(enquiries.clinicId, scope.clinicId), eq(enquiries.id, input.enquiryId)))
    .for("update");
  if (!enquiry) throw new NotFoundError("enquiry");
  const template = getReplyTemplate(input.template)!;
  let messageId: string | null = null;
  if (input.channel === "email") {
    if (!queue) throw new RuleError("Email is off for this clinic: call the enquirer and note the call instead.", "channel");
    if (!enquiry.email) throw new RuleError("This enquirer gave no email address: call them and note the call instead.", "channel");
    messageId = await enqueueEmail(tx, scope, { recipient: enquiry.email, purpose: "enquiry_reply", patientId: null, subject: template.subject(await replyVars(tx, scope, enquiry.name)), text: input.body }, queue);
  }
  const [row] = await tx
    .insert(enquiryReplies)
    .values({ clinicId: scope.clinicId, enquiryId: enquiry.id, template: template.key, channel: input.channel, body: input.body, outboundMessageId: messageId, sentBy: scope.userId })
    .returning({ id: enquiryReplies.id });
  if (enquiry.status === "new") {
    await tx.update(enquiries).set({ status: "contacted", statusChangedBy: scope.userId, statusChangedAt: new Date() }).where(eq(enquiries.id, enquiry.id));
  }
  await writeAudit(tx, scope, { action: "create", entity: "enquiry_reply", entityId: row!.id, detail: { enquiryId: enquiry.id, template: template.key, channel: input.channel, statusFrom: enquiry.status } });
  return { channel: input.channel };
}

export type ReplyView = { id: string; enquiryId: string; template: string; channel: ReplyChannel; body: string; sentAt: Date; sentBy: string | null; delivery: MessageStatus | null };

/** The replies of these enquiries, oldest first, with each email's delivery status. */
export async function listReplies(db: Queryable, scope: ClinicScope, enquiryIds: readonly string[]): Promise<Map<string, ReplyView[]>> {
  const out = new Map<string, ReplyView[]>();
  if (enquiryIds.length === 0) return out;
  const rows = await db
    .select({
      id: enquiryReplies.id,
      enquiryId: enquiryReplies.enquiryId,
      template: enquiryReplies.template,
      channel: enquiryReplies.channel,
      body: enquiryReplies.body,
      sentAt: enquiryReplies.sentAt,
      sentBy: enquiryReplies.sentBy,
      delivery: outboundMessages.status,
    })
    .from(enquiryReplies)
    .leftJoin(outboundMessages, and(eq(outboundMessages.clinicId, enquiryReplies.clinicId), eq(outboundMessages.id, enquiryReplies.outboundMessageId)))
    .where(and(eq(enquiryReplies.clinicId, scope.clinicId), inArray(enquiryReplies.enquiryId, [...enquiryIds])))
    .orderBy(asc(enquiryReplies.sentAt));
  for (const row of rows) {
    const list = out.get(row.enquiryId) ?? [];
    list.push(row);
    out.set(row.enquiryId, list);
  }
  return out;
}
