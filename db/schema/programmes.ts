import { sql } from "drizzle-orm";
import { check, date, doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";
import { patients } from "./patients";

/**
 * A clinic's own exercise. Built-in exercises live in code
 * (lib/clinical/exercise-catalogue.ts); a clinic copies one to change it
 * (`basedOn` names the built-in slug), it never edits one in place.
 */
export const exercises = pgTable(
  "exercise",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    basedOn: text("based_on"),
    name: text("name").notNull(),
    category: text("category", { enum: ["strengthen", "stretch", "functional", "posture", "mobility"] }).notNull(),
    targetMuscles: text("target_muscles").array().notNull().default(sql`'{}'::text[]`),
    patterns: text("patterns").array().notNull().default(sql`'{}'::text[]`),
    equipment: text("equipment").array().notNull().default(sql`'{}'::text[]`),
    sets: integer("sets").notNull(),
    reps: integer("reps"),
    holdSeconds: integer("hold_seconds"),
    timesPerDay: integer("times_per_day").notNull(),
    daysPerWeek: integer("days_per_week").notNull(),
    instructions: text("instructions").notNull(),
    commonErrors: text("common_errors").array().notNull().default(sql`'{}'::text[]`),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("exercise_clinic_name_idx").on(t.clinicId, t.name),
    check("exercise_dose_positive", sql`sets > 0 and reps >= 0 and hold_seconds >= 0 and times_per_day > 0 and days_per_week between 1 and 7`),
  ],
);

/**
 * A home programme. One active programme per patient; a new version
 * supersedes the old one (status "superseded", `supersedesId` links them),
 * which stays readable.
 */
export const programmes = pgTable(
  "programme",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    practitionerId: uuid("practitioner_id").notNull().references(() => users.id),
    versionNo: integer("version_no").notNull().default(1),
    supersedesId: uuid("supersedes_id"),
    status: text("status", { enum: ["draft", "active", "completed", "stopped", "superseded"] }).notNull().default("active"),
    stoppedReason: text("stopped_reason"),
    goals: text("goals").notNull().default(""),
    startDate: date("start_date", { mode: "string" }).notNull(),
    reviewDate: date("review_date", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("programme_one_active_idx").on(t.clinicId, t.patientId).where(sql`status = 'active'`),
    index("programme_patient_idx").on(t.clinicId, t.patientId, t.createdAt),
    index("programme_review_idx").on(t.clinicId, t.status, t.reviewDate),
  ],
);

export const programmeItems = pgTable(
  "programme_item",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    programmeId: uuid("programme_id").notNull().references(() => programmes.id),
    position: integer("position").notNull(),
    /** Exactly one of: a built-in slug, or a clinic exercise id. */
    builtInSlug: text("built_in_slug"),
    exerciseId: uuid("exercise_id").references(() => exercises.id),
    sets: integer("sets").notNull(),
    reps: integer("reps"),
    holdSeconds: integer("hold_seconds"),
    loadUnit: text("load_unit", { enum: ["kg", "lb", "band", "rpe"] }),
    loadValue: doublePrecision("load_value"),
    loadBand: text("load_band"),
    timesPerDay: integer("times_per_day").notNull(),
    daysPerWeek: integer("days_per_week").notNull(),
    side: text("side", { enum: ["left", "right", "both", "na"] }).notNull().default("na"),
    notes: text("notes"),
  },
  (t) => [
    index("programme_item_programme_idx").on(t.clinicId, t.programmeId, t.position),
    check("programme_item_one_exercise", sql`(built_in_slug is null) <> (exercise_id is null)`),
    check("programme_item_dose_positive", sql`sets > 0 and reps >= 0 and hold_seconds >= 0 and load_value >= 0 and times_per_day > 0 and days_per_week between 1 and 7`),
  ],
);

/** Home-programme adherence for one week, recorded at a visit. */
export const adherenceEntries = pgTable(
  "adherence_entry",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    programmeId: uuid("programme_id").notNull().references(() => programmes.id),
    weekStart: date("week_start", { mode: "string" }).notNull(),
    sessionsDone: integer("sessions_done").notNull(),
    sessionsPrescribed: integer("sessions_prescribed").notNull(),
    painDuring: integer("pain_during"),
    note: text("note"),
    /** "patient": derived from the sessions the patient logged through a link (lib/adherence/patient-reported.ts). */
    source: text("source", { enum: ["staff", "patient"] }).notNull().default("staff"),
    recordedBy: uuid("recorded_by").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("adherence_patient_reported_week_key").on(t.clinicId, t.programmeId, t.weekStart).where(sql`source = 'patient'`),
    index("adherence_patient_idx").on(t.clinicId, t.patientId, t.weekStart),
    index("adherence_week_idx").on(t.clinicId, t.weekStart),
    check("adherence_counts_non_negative", sql`sessions_done >= 0 and sessions_prescribed >= 0`),
    check("adherence_pain_range", sql`pain_during between 0 and 10`),
  ],
);

export type Exercise = typeof exercises.$inferSelect;
export type Programme = typeof programmes.$inferSelect;
export type ProgrammeItem = typeof programmeItems.$inferSelect;
export type AdherenceEntry = typeof adherenceEntries.$inferSelect;
