import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics } from "./clinics";
import { patients } from "./patients";

export const MESSAGE_STATUSES = ["queued", "retrying", "sent", "failed"] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
export const MESSAGE_PURPOSES = ["patient_link", "exercise_reminder", "enquiry_reply"] as const;
export type MessagePurpose = (typeof MESSAGE_PURPOSES)[number];

/** What is rendered at send time; cleared once the message is sent or has failed for good. */
export type MessageContent = { subject: string; text: string };

/**
 * One email and its delivery status (lib/mail owns it). The content lives here
 * only until the message is settled; logs carry the id and an error code only.
 * When the next attempt runs is the job queue's business (pg-boss, job id =
 * this row's id); the row records what happened.
 */
export const outboundMessages = pgTable(
  "outbound_message",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    patientId: uuid("patient_id").references(() => patients.id, { onDelete: "cascade" }),
    recipient: text("recipient").notNull(),
    purpose: text("purpose", { enum: MESSAGE_PURPOSES }).notNull(),
    status: text("status", { enum: MESSAGE_STATUSES }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    lastErrorCode: text("last_error_code"),
    content: jsonb("content").$type<MessageContent>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("outbound_message_clinic_created_idx").on(t.clinicId, t.createdAt),
    check("outbound_message_attempts_nonnegative", sql`attempts >= 0`),
  ],
);

/**
 * A patient's opt-in to a daily exercise reminder at a clinic-local time of day
 * ("HH:mm", the clinic's time zone). The one-click opt-out token is kept as a
 * SHA-256 hash only. `lastSentOn` is the clinic-local date of the last reminder.
 */
export const reminderSubscriptions = pgTable(
  "reminder_subscription",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id, { onDelete: "cascade" }),
    recipient: text("recipient").notNull(),
    localTime: text("local_time").notNull(),
    linkPath: text("link_path").notNull(),
    optOutTokenHash: text("opt_out_token_hash").notNull(),
    lastSentOn: text("last_sent_on"),
    optedOutAt: timestamp("opted_out_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("reminder_subscription_patient_idx").on(t.clinicId, t.patientId),
    uniqueIndex("reminder_subscription_token_idx").on(t.optOutTokenHash),
    check("reminder_subscription_local_time", sql`local_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
  ],
);
