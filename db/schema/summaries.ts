import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { InstrumentHistoryPoint } from "@/lib/outcomes/history";
import type { AdherenceWeek } from "@/lib/summaries/verdicts";
import { clinics } from "./clinics";
import { patients } from "./patients";

/**
 * One row per patient with clinical activity: the facts the caseload dashboard judges, kept
 * by lib/summaries/refresh.ts (refreshPatientSummary) in the transaction of every write that
 * changes them, so the dashboard reads one row per patient instead of joining every
 * assessment, score, course and session. `npm run db:rebuild-summaries` recomputes them.
 */
export const patientSummaries = pgTable(
  "patient_summary",
  {
    // Derived data: it goes with its patient.
    patientId: uuid("patient_id")
      .primaryKey()
      .references(() => patients.id, { onDelete: "cascade" }),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    /** First and latest signed assessment. */
    firstAssessedAt: timestamp("first_assessed_at", { withTimezone: true }),
    lastAssessedAt: timestamp("last_assessed_at", { withTimezone: true }),
    /** On an active programme, and its review date. */
    activeProgramme: boolean("active_programme").notNull().default(false),
    reviewDate: date("review_date", { mode: "string" }),
    /** The latest active or completed decompression course, its completed sessions and when 50 % and 100 % were reached. */
    courseId: uuid("course_id"),
    courseStatus: text("course_status").$type<"active" | "completed">(),
    plannedSessions: integer("planned_sessions"),
    courseCompleted: integer("course_completed").notNull().default(0),
    halfAt: timestamp("half_at", { withTimezone: true }),
    finalAt: timestamp("final_at", { withTimezone: true }),
    /** Completed decompression sessions, every course. */
    sessionsCompleted: integer("sessions_completed").notNull().default(0),
    /** Every signed current score, oldest first (lib/outcomes/queries.ts reads them): the outcome model's input. */
    history: jsonb("history").$type<InstrumentHistoryPoint[]>().notNull().default([]),
    /** When the completed session that reached the not-improving rule's session count took place. */
    enoughSessionsAt: timestamp("enough_sessions_at", { withTimezone: true }),
    /** The outcome model's verdict under the clinic's rules (lib/outcomes summarisePatientOutcome): a meaningful improvement on pain or the main questionnaire. */
    improved: boolean("improved").notNull().default(false),
    // The patient's practitioner and archive state, copied by a trigger on patient (migration 0025) so
    // the caseload's lists are ranges of the indexes below rather than a probe per patient.
    practitionerId: uuid("practitioner_id"),
    archived: boolean("archived").notNull().default(false),
    /** The latest completion of a course or programme (the outcome panel's population), and the patterns confirmed. */
    completedAt: timestamp("completed_at", { withTimezone: true }),
    patterns: text("patterns").array().$type<string[]>().notNull().default(sql`'{}'::text[]`),
    /** Verdicts as the instants they start to hold (lib/summaries/verdicts.ts): the lists compare them with now. */
    notImprovingFrom: timestamp("not_improving_from", { withTimezone: true }),
    reassessmentDue: integer("reassessment_due").$type<50 | 100>(),
    reviewDueAt: timestamp("review_due_at", { withTimezone: true }),
    assessmentOverdueAt: timestamp("assessment_overdue_at", { withTimezone: true }),
    dueFrom: timestamp("due_from", { withTimezone: true }),
    /** The three latest weeks of adherence, latest first, and the latest of them below the threshold. */
    adherence: jsonb("adherence").$type<AdherenceWeek[]>().notNull().default([]),
    lowAdherenceWeek: date("low_adherence_week", { mode: "string" }),
    refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => {
    // Partial covering indexes (drizzle has no INCLUDE: the read columns trail the key): each card's
    // count and order come from its index alone; a view of the whole clinic has its own.
    const care = [t.firstAssessedAt, t.lastAssessedAt, t.activeProgramme, t.courseStatus, t.patientId] as const;
    const due = [t.reassessmentDue, t.reviewDueAt, t.assessmentOverdueAt, t.lastAssessedAt, t.activeProgramme, t.courseStatus, t.patientId] as const;
    return [
      index("patient_summary_clinic_idx").on(t.clinicId, t.patientId),
      index("patient_summary_not_improving_idx").on(t.clinicId, t.practitionerId, t.notImprovingFrom, ...care).where(sql`not archived and not_improving_from is not null`),
      index("patient_summary_clinic_not_improving_idx").on(t.clinicId, t.notImprovingFrom, ...care).where(sql`not archived and not_improving_from is not null`),
      index("patient_summary_due_idx").on(t.clinicId, t.practitionerId, t.dueFrom, ...due).where(sql`not archived and due_from is not null`),
      index("patient_summary_clinic_due_idx").on(t.clinicId, t.dueFrom, ...due).where(sql`not archived and due_from is not null`),
      index("patient_summary_low_adherence_idx").on(t.clinicId, t.practitionerId, t.lowAdherenceWeek, t.patientId).where(sql`not archived and low_adherence_week is not null`),
      index("patient_summary_clinic_low_adherence_idx").on(t.clinicId, t.lowAdherenceWeek, t.patientId).where(sql`not archived and low_adherence_week is not null`),
      index("patient_summary_completed_idx").on(t.clinicId, t.practitionerId, t.completedAt, t.improved, t.patterns).where(sql`completed_at is not null`),
      index("patient_summary_clinic_completed_idx").on(t.clinicId, t.completedAt, t.practitionerId, t.improved, t.patterns).where(sql`completed_at is not null`),
    ];
  },
);

export type PatientSummary = typeof patientSummaries.$inferSelect;

/**
 * A clinic whose summary rows are complete. No row: they are rebuilt from scratch before the
 * dashboard next reads them (after the migration that added them, a bulk load, or a change of
 * the clinic's meaningful-change rules, which the verdicts follow).
 */
export const summaryStates = pgTable("summary_state", {
  clinicId: uuid("clinic_id")
    .primaryKey()
    .references(() => clinics.id),
  builtAt: timestamp("built_at", { withTimezone: true }).notNull().defaultNow(),
});
