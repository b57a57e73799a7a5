import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";
import { patients } from "./patients";

export const ENQUIRY_STATUSES = ["new", "contacted", "booked", "closed"] as const;
export type EnquiryStatus = (typeof ENQUIRY_STATUSES)[number];

/**
 * A message from someone who is not (yet) a patient, sent through the
 * clinic's public page /enquire/<slug> (lib/enquiries). Personal data before
 * any care relationship: not converted, it is deleted after the clinic's
 * retention period. The consent wording and its version are kept with it.
 */
export const enquiries = pgTable(
  "enquiry",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    name: text("name").notNull(),
    phone: text("phone").notNull(),
    email: text("email"),
    concern: text("concern").notNull(),
    preferredTimes: text("preferred_times"),
    consentText: text("consent_text").notNull(),
    consentVersion: text("consent_version").notNull(),
    status: text("status", { enum: ENQUIRY_STATUSES }).notNull().default("new"),
    /** Set once the enquiry became a patient: it is then kept with the record, not purged. */
    patientId: uuid("patient_id").references(() => patients.id),
    statusChangedBy: uuid("status_changed_by").references(() => users.id),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("enquiry_clinic_received_idx").on(t.clinicId, t.receivedAt),
    check("enquiry_status_known", sql`status in ('new', 'contacted', 'booked', 'closed')`),
  ],
);

export type Enquiry = typeof enquiries.$inferSelect;

export const REPLY_CHANNELS = ["email", "phone"] as const;
export type ReplyChannel = (typeof REPLY_CHANNELS)[number];

/**
 * What the clinic said to an enquirer, kept on the enquiry (deleted with it): the automatic
 * acknowledgement (no sender) and each staff reply, by email through the mail queue (the message
 * id gives its delivery status) or noted after a phone call.
 */
export const enquiryReplies = pgTable(
  "enquiry_reply",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    enquiryId: uuid("enquiry_id").notNull().references(() => enquiries.id, { onDelete: "cascade" }),
    template: text("template").notNull(),
    channel: text("channel", { enum: REPLY_CHANNELS }).notNull(),
    body: text("body").notNull(),
    outboundMessageId: uuid("outbound_message_id"),
    sentBy: uuid("sent_by").references(() => users.id),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("enquiry_reply_enquiry_idx").on(t.clinicId, t.enquiryId, t.sentAt), check("enquiry_reply_channel_known", sql`channel in ('email', 'phone')`)],
);

export type EnquiryReply = typeof enquiryReplies.$inferSelect;
