import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { InstrumentHistoryPoint } from "@/lib/outcomes/history";
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
    /** The outcome model's verdict under the clinic's rules (lib/outcomes summarisePatientOutcome): a meaningful improvement on pain or the main questionnaire. */
    improved: boolean("improved").notNull().default(false),
    refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("patient_summary_clinic_idx").on(t.clinicId, t.patientId)],
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
