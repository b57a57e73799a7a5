import { sql } from "drizzle-orm";
import { boolean, check, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";
import { patients } from "./patients";
import { treatmentTables } from "./treatment-tables";

/**
 * A course of motorised spinal decompression (clinical-reference.md section 4).
 * It exists only if screening passed, or an admin overrode a contraindication
 * with a written reason (kept here and in the audit trail forever).
 */
export const decompressionCourses = pgTable(
  "decompression_course",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    practitionerId: uuid("practitioner_id").notNull().references(() => users.id),
    region: text("region", { enum: ["lumbar", "cervical"] }).notNull(),
    targetLevel: text("target_level").notNull(),
    plannedSessions: integer("planned_sessions").notNull(),
    sessionsPerWeek: integer("sessions_per_week").notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    /** Starting parameters: position, angle, forces (kg), hold / rest s, cycles, duration min. */
    initialParameters: jsonb("initial_parameters").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: ["active", "completed", "stopped"] }).notNull().default("active"),
    stoppedReason: text("stopped_reason"),
    /** The screening result when the course was created (outcome, flags, message). */
    screening: jsonb("screening").$type<Record<string, unknown>>().notNull(),
    overrideReason: text("override_reason"),
    overrideBy: uuid("override_by").references(() => users.id),
    overrideAt: timestamp("override_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** How the course was booked (lib/calendar/course-plan.ts): replacements for missed sessions follow it. */
    bookingPattern: jsonb("booking_pattern").$type<BookingPattern>(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("decompression_course_patient_idx").on(t.clinicId, t.patientId, t.startDate),
    index("decompression_course_status_idx").on(t.clinicId, t.status),
    // One active course per patient and region: concurrent creates cannot both win.
    uniqueIndex("decompression_course_one_active_idx").on(t.clinicId, t.patientId, t.region).where(sql`status = 'active'`),
    check("decompression_course_counts_positive", sql`planned_sessions > 0 and sessions_per_week > 0`),
  ],
);

export const decompressionSessions = pgTable(
  "decompression_session",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    courseId: uuid("course_id").notNull().references(() => decompressionCourses.id),
    practitionerId: uuid("practitioner_id").references(() => users.id),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }).notNull(),
    /** The booking's end and table: two live sessions never overlap on one table (exclusion constraint). */
    endsAt: timestamp("ends_at", { withTimezone: true }),
    treatmentTableId: uuid("treatment_table_id").references(() => treatmentTables.id),
    cancelReason: text("cancel_reason"),
    status: text("status", { enum: ["scheduled", "completed", "cancelled", "missed"] }).notNull().default("scheduled"),
    position: text("position", { enum: ["supine", "prone", "seated"] }),
    angleDeg: doublePrecision("angle_deg"),
    bodyWeightKg: doublePrecision("body_weight_kg"),
    bodyWeightOn: date("body_weight_on", { mode: "string" }),
    maxForceKg: doublePrecision("max_force_kg"),
    minForceKg: doublePrecision("min_force_kg"),
    holdSeconds: integer("hold_seconds"),
    restSeconds: integer("rest_seconds"),
    cycles: integer("cycles"),
    durationMin: integer("duration_min"),
    nprsBefore: integer("nprs_before"),
    nprsAfter: integer("nprs_after"),
    response: text("response", { enum: ["centralising", "peripheralising", "no-change"] }),
    adverseEvent: text("adverse_event"),
    forceWarningConfirmed: boolean("force_warning_confirmed").notNull().default(false),
    notes: text("notes"),
    loggedBy: uuid("logged_by").references(() => users.id),
    loggedAt: timestamp("logged_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("decompression_session_course_idx").on(t.clinicId, t.courseId, t.scheduledAt),
    index("decompression_session_patient_idx").on(t.clinicId, t.patientId, t.scheduledAt),
    index("decompression_session_day_idx").on(t.clinicId, t.scheduledAt),
    index("decompression_session_practitioner_idx").on(t.clinicId, t.practitionerId, t.scheduledAt),
    index("decompression_session_table_idx").on(t.clinicId, t.treatmentTableId, t.scheduledAt),
    // Ranges no code path may break; the forms give the friendly messages first.
    check("decompression_session_pain_range", sql`nprs_before between 0 and 10 and nprs_after between 0 and 10`),
    check("decompression_session_forces_non_negative", sql`max_force_kg >= 0 and min_force_kg >= 0 and min_force_kg <= max_force_kg`),
    check("decompression_session_times_non_negative", sql`hold_seconds >= 0 and rest_seconds >= 0 and cycles >= 0 and duration_min >= 0`),
    check("decompression_session_weight_positive", sql`body_weight_kg > 0`),
  ],
);

/** Weekdays are ISO (1 Monday .. 7 Sunday); time is the clinic's wall clock, "HH:mm". */
export type BookingPattern = { weekdays: number[]; time: string; treatmentTableId: string; durationMin: number };

export type DecompressionCourse = typeof decompressionCourses.$inferSelect;
export type DecompressionSession = typeof decompressionSessions.$inferSelect;
