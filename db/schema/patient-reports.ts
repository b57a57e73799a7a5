import { sql } from "drizzle-orm";
import { check, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { INSTRUMENT_IDS, SCORE_DIRECTIONS, SCORE_UNITS, type ScoredItem } from "@/lib/clinical/instruments/types";
import { RED_FLAG_URGENCIES } from "@/lib/clinical/intake-red-flags";
import { SCHEDULE_RULES } from "@/lib/clinical/questionnaire-schedule";
import { assessments } from "./assessments";
import { clinics, users } from "./clinics";
import { patientLinks } from "./patient-links";
import { patients } from "./patients";
import { programmes } from "./programmes";

/**
 * sent: the link is out, not answered; completed: the patient sent it (a
 * patient-reported draft); accepted: taken into an assessment; dismissed: set
 * aside by the practitioner.
 */
export const PATIENT_REPORT_STATUSES = ["sent", "completed", "accepted", "dismissed"] as const;
export type PatientReportStatus = (typeof PATIENT_REPORT_STATUSES)[number];

/** A PSFS activity fixed into the link from the baseline assessment, so the patient re-rates the same ones. */
export type RequestedActivity = { id: string; name: string };

/**
 * A questionnaire sent to the patient by a single-use link (purpose
 * "questionnaire"), one row per link: made when the link is sent, filled when
 * the patient answers. `answers` is the instrument's own input as the scorer
 * validated it; the score columns are what lib/clinical/instruments gave for
 * it, the same shape as instrument_result. It reaches the record only when a
 * practitioner accepts it into an assessment.
 */
export const patientReports = pgTable(
  "patient_report",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    linkId: uuid("link_id").notNull().references(() => patientLinks.id),
    instrument: text("instrument", { enum: INSTRUMENT_IDS }).notNull(),
    version: text("version").notNull(),
    /** PSFS only: the activities the patient rates. */
    activities: jsonb("activities").$type<RequestedActivity[]>(),
    status: text("status", { enum: PATIENT_REPORT_STATUSES }).notNull().default("sent"),
    answers: jsonb("answers").$type<Record<string, unknown>>(),
    items: jsonb("items").$type<ScoredItem[]>(),
    score: doublePrecision("score"),
    scoreUnit: text("score_unit", { enum: SCORE_UNITS }),
    scaleMin: doublePrecision("scale_min"),
    scaleMax: doublePrecision("scale_max"),
    direction: text("direction", { enum: SCORE_DIRECTIONS }),
    band: text("band"),
    rule: text("rule"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    assessmentId: uuid("assessment_id").references(() => assessments.id),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One report per instrument a link asks for: a questionnaire link asks one, an intake link two (NPRS, ODI).
    uniqueIndex("patient_report_link_instrument_key").on(t.clinicId, t.linkId, t.instrument),
    index("patient_report_patient_idx").on(t.clinicId, t.patientId, t.status, t.createdAt),
    check("patient_report_completed_scored", sql`status = 'sent' or (completed_at is not null and answers is not null and score is not null and rule is not null)`),
    check("patient_report_score_in_scale", sql`score is null or score between scale_min and scale_max`),
    check("patient_report_accepted_has_assessment", sql`status <> 'accepted' or assessment_id is not null`),
  ],
);

/**
 * A questionnaire to send on a rule, for one programme (and its later
 * versions): before each reassessment (the review date) or every N weeks
 * (lib/clinical/questionnaire-schedule.ts). Due ones show on the patient page
 * with one-click send; nothing is sent by itself. Stopping sets ended_at.
 */
export const questionnaireSchedules = pgTable(
  "questionnaire_schedule",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    programmeId: uuid("programme_id").notNull().references(() => programmes.id),
    instrument: text("instrument", { enum: INSTRUMENT_IDS }).notNull(),
    rule: text("rule", { enum: SCHEDULE_RULES }).notNull(),
    everyWeeks: integer("every_weeks"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    index("questionnaire_schedule_patient_idx").on(t.clinicId, t.patientId),
    check("questionnaire_schedule_weeks", sql`(rule = 'every_weeks') = (every_weeks is not null) and (every_weeks is null or every_weeks between 1 and 52)`),
  ],
);

/**
 * The intake a new patient fills in on their phone by a single-use link (purpose "intake", issue 13):
 * the red-flag screening answers first, stored the moment they are sent (a "yes" raises an urgent
 * alert then, whether or not the rest is filled in), then NPRS and ODI, stored as patient-reported
 * drafts (patient_report rows of the same link) when the patient sends them.
 */
export const patientIntakes = pgTable(
  "patient_intake",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    linkId: uuid("link_id").notNull().references(() => patientLinks.id),
    /** The ODI version fixed when the link was made (scores compare only within a version). */
    odiVersion: text("odi_version").notNull(),
    /** Red-flag code to "yes" / "no", as lib/clinical/intake-red-flags.ts asks them. */
    redFlags: jsonb("red_flags").$type<Record<string, "yes" | "no">>(),
    /** The most urgent message the answers called for; null when every answer was "no". */
    redFlagUrgency: text("red_flag_urgency", { enum: RED_FLAG_URGENCIES }),
    flagsAnsweredAt: timestamp("flags_answered_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("patient_intake_link_key").on(t.clinicId, t.linkId),
    index("patient_intake_patient_idx").on(t.clinicId, t.patientId, t.createdAt),
    check("patient_intake_flags_answered", sql`(red_flags is null) = (flags_answered_at is null) and (red_flag_urgency is null or red_flags is not null)`),
    check("patient_intake_flags_first", sql`completed_at is null or flags_answered_at is not null`),
  ],
);

export type PatientReport = typeof patientReports.$inferSelect;
export type QuestionnaireSchedule = typeof questionnaireSchedules.$inferSelect;
export type PatientIntake = typeof patientIntakes.$inferSelect;
