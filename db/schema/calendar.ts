import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, time, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";
import { decompressionCourses } from "./decompression";
import { patients } from "./patients";
import { treatmentTables } from "./treatment-tables";

/** A day the clinic is closed (bank holiday, training day): nothing is booked on it. */
export const clinicClosures = pgTable(
  "clinic_closure",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    closedOn: date("closed_on", { mode: "string" }).notNull(),
    reason: text("reason").notNull(),
  },
  (t) => [uniqueIndex("clinic_closure_day_idx").on(t.clinicId, t.closedOn)],
);

/**
 * A practitioner's working hours on one ISO weekday (1 Monday .. 7 Sunday), in
 * the clinic's wall-clock time. A practitioner with no rows has no hours set and
 * is not checked against any.
 */
export const workingHours = pgTable(
  "working_hours",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    userId: uuid("user_id").notNull().references(() => users.id),
    weekday: integer("weekday").notNull(),
    startsAt: time("starts_at").notNull(),
    endsAt: time("ends_at").notNull(),
  },
  (t) => [
    index("working_hours_user_idx").on(t.clinicId, t.userId, t.weekday),
    check("working_hours_weekday_range", sql`weekday between 1 and 7 and starts_at < ends_at`),
  ],
);

/** An assessment or reassessment appointment in a room (sessions are decompression_session rows). */
export const appointments = pgTable(
  "appointment",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    practitionerId: uuid("practitioner_id").notNull().references(() => users.id),
    treatmentTableId: uuid("treatment_table_id").references(() => treatmentTables.id),
    /** Set for a reassessment at a course's 50 % or 100 % point. */
    courseId: uuid("course_id").references(() => decompressionCourses.id),
    kind: text("kind", { enum: ["assessment", "reassessment"] }).notNull().default("assessment"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    status: text("status", { enum: ["booked", "attended", "cancelled", "no-show"] }).notNull().default("booked"),
    cancelReason: text("cancel_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("appointment_day_idx").on(t.clinicId, t.startsAt),
    index("appointment_practitioner_idx").on(t.clinicId, t.practitionerId, t.startsAt),
    check("appointment_range_order", sql`starts_at < ends_at`),
  ],
);

/**
 * A practitioner's private iCalendar feed. Only the SHA-256 of the token is kept:
 * the URL is shown once, and revoking sets revoked_at (a new URL is a new row).
 */
export const calendarFeeds = pgTable(
  "calendar_feed",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    userId: uuid("user_id").notNull().references(() => users.id),
    tokenHash: text("token_hash").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("calendar_feed_token_idx").on(t.tokenHash),
    uniqueIndex("calendar_feed_one_active_idx").on(t.clinicId, t.userId).where(sql`active`),
  ],
);

export type ClinicClosure = typeof clinicClosures.$inferSelect;
export type WorkingHours = typeof workingHours.$inferSelect;
export type Appointment = typeof appointments.$inferSelect;
export type CalendarFeed = typeof calendarFeeds.$inferSelect;
