import { sql } from "drizzle-orm";
import { bigint, boolean, check, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";
import { patients } from "./patients";
import { INSTRUMENT_IDS, SCORE_DIRECTIONS, SCORE_UNITS } from "@/lib/clinical/instruments/types";

export const ASSESSMENT_REGIONS = ["lumbar", "cervical", "thoracic", "other"] as const;
export const MEASUREMENT_SIDES = ["left", "right", "bilateral", "na"] as const;

/**
 * One visit's findings. A draft is edited freely (optimistic `version`);
 * signing locks it, and a signed assessment changes only by an amendment
 * with a reason, which adds an assessment_revision. Result rows of an
 * amended revision are superseded (superseded_at), never deleted.
 */
export const assessments = pgTable(
  "assessment",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    practitionerId: uuid("practitioner_id").notNull().references(() => users.id),
    assessedAt: timestamp("assessed_at", { withTimezone: true }).notNull(),
    region: text("region", { enum: ASSESSMENT_REGIONS }).notNull(),
    chiefComplaint: text("chief_complaint").notNull().default(""),
    notes: text("notes"),
    planNotes: text("plan_notes"),
    status: text("status", { enum: ["draft", "signed"] }).notNull().default("draft"),
    /** 0 while a draft; 1 at first signature; +1 per amendment. */
    revision: integer("revision").notNull().default(0),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    signedBy: uuid("signed_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("assessment_patient_idx").on(t.clinicId, t.patientId, t.assessedAt),
    index("assessment_practitioner_status_idx").on(t.clinicId, t.practitionerId, t.status, t.updatedAt),
  ],
);

/** A signed revision's full content as it stood, with who signed and why it was amended. */
export const assessmentRevisions = pgTable(
  "assessment_revision",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    assessmentId: uuid("assessment_id").notNull().references(() => assessments.id),
    revision: integer("revision").notNull(),
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    reason: text("reason"),
    signedBy: uuid("signed_by").notNull().references(() => users.id),
    signedAt: timestamp("signed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("assessment_revision_key").on(t.clinicId, t.assessmentId, t.revision)],
);

/** A completed questionnaire or pain score: raw answers, score, scale, direction and rule, never a bare total. */
export const instrumentResults = pgTable(
  "instrument_result",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    assessmentId: uuid("assessment_id").notNull().references(() => assessments.id),
    instrument: text("instrument", { enum: INSTRUMENT_IDS }).notNull(),
    version: text("version").notNull(),
    items: jsonb("items").$type<unknown>().notNull(),
    // Null only for a PSFS draft with no activity rated yet: signing needs a score (lib/assessments/validate-form.ts).
    score: doublePrecision("score"),
    scoreUnit: text("score_unit", { enum: SCORE_UNITS }).notNull(),
    scaleMin: doublePrecision("scale_min").notNull(),
    scaleMax: doublePrecision("scale_max").notNull(),
    direction: text("direction", { enum: SCORE_DIRECTIONS }).notNull(),
    band: text("band"),
    rule: text("rule").notNull(),
    takenAt: timestamp("taken_at", { withTimezone: true }).notNull(),
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
  },
  (t) => [
    // Trends and baseline-to-latest summaries read score, direction and assessment from the index alone (dashboard, progress charts).
    index("instrument_result_series_idx")
      .on(t.clinicId, t.patientId, t.instrument, t.takenAt, t.id, t.score, t.direction, t.assessmentId)
      .where(sql`superseded_at is null`),
    index("instrument_result_assessment_idx").on(t.clinicId, t.assessmentId),
    // A PSFS draft may hold no score yet (nothing rated); every other instrument always has one.
    check("instrument_result_score_check", sql`${t.score} is not null or ${t.instrument} = 'psfs'`),
    // A score outside its own instrument's scale is impossible, whatever wrote it (null passes: see above).
    check("instrument_result_score_in_scale", sql`scale_min <= scale_max and score between scale_min and scale_max`),
  ],
);

/** One physical measurement per row (code from lib/clinical/measures.ts); trends read from here. */
export const measurements = pgTable(
  "measurement",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    assessmentId: uuid("assessment_id").references(() => assessments.id),
    code: text("code").notNull(),
    side: text("side", { enum: MEASUREMENT_SIDES }).notNull(),
    value: doublePrecision("value").notNull(),
    unit: text("unit").notNull(),
    method: text("method"),
    /** The practitioner's "abnormal" mark, for measures without a sourced norm (e.g. craniovertebral angle); null when not judged. */
    abnormal: boolean("abnormal"),
    examinerId: uuid("examiner_id").references(() => users.id),
    takenAt: timestamp("taken_at", { withTimezone: true }).notNull(),
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
  },
  (t) => [
    // Trends (progress charts): every column a chart reads is in the key, in chart order, so a long history is an index-only scan with no sort.
    index("measurement_series_idx")
      .on(t.clinicId, t.patientId, t.code, t.side, t.takenAt, t.id, t.value, t.method, t.assessmentId)
      .where(sql`superseded_at is null`),
    index("measurement_assessment_idx").on(t.clinicId, t.assessmentId),
  ],
);

/** An imbalance pattern the practitioner confirmed or dismissed, with the findings that suggested it. */
export const patternTags = pgTable(
  "pattern_tag",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    assessmentId: uuid("assessment_id").notNull().references(() => assessments.id),
    pattern: text("pattern").notNull(),
    status: text("status", { enum: ["confirmed", "dismissed"] }).notNull(),
    suggested: boolean("suggested").notNull().default(false),
    triggers: jsonb("triggers").$type<unknown[]>().notNull().default([]),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
  },
  (t) => [index("pattern_tag_patient_idx").on(t.clinicId, t.patientId, t.status)],
);

export type Assessment = typeof assessments.$inferSelect;
export type NewAssessment = typeof assessments.$inferInsert;
export type AssessmentRevision = typeof assessmentRevisions.$inferSelect;
export type InstrumentResult = typeof instrumentResults.$inferSelect;
export type NewInstrumentResult = typeof instrumentResults.$inferInsert;
export type Measurement = typeof measurements.$inferSelect;
export type NewMeasurement = typeof measurements.$inferInsert;
export type PatternTag = typeof patternTags.$inferSelect;
