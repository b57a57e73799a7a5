import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { RedFlagUrgency } from "@/lib/clinical/intake-red-flags";
import { clinics, users } from "./clinics";
import { patients } from "./patients";
import { programmes } from "./programmes";

/**
 * What a patient-side alert is about (lib/alerts owns the rules' use, lib/clinical/alert-rules.ts the rules):
 * pain at or above the clinic's threshold in a home session, "too hard" in a run of sessions, no session
 * logged on a shared programme for the clinic's number of days; and a red flag answered "yes" in the
 * patient's intake (lib/clinical/intake-red-flags.ts), the one kind not tied to a programme.
 */
export const ALERT_KINDS = ["pain_high", "too_hard", "not_logging", "red_flag"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** What each kind of alert carries besides its ids: figures only, never what the patient wrote. */
export type AlertDetail = {
  /** pain_high: the highest pain reported since the alert was raised. */
  pain?: number;
  /** too_hard: how many sessions in a row were "too hard". */
  run?: number;
  /** not_logging: the clinic-local day of the last session logged (or of the link's creation), and the days since. */
  lastActivityOn?: string;
  days?: number;
  /** red_flag: the codes answered "yes" (lib/clinical/intake-red-flags.ts) and the message the patient was shown. */
  flags?: string[];
  urgency?: RedFlagUrgency;
};

/**
 * One alert for staff, raised from what a patient reports at home. At most one open alert per patient,
 * programme and kind (a second pain of 8 updates the open one rather than stacking); acknowledging it
 * with a note closes it, and the next report can raise a new one.
 */
export const patientAlerts = pgTable(
  "patient_alert",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    /** The programme the home reports came through; none for a red flag from the intake. */
    programmeId: uuid("programme_id").references(() => programmes.id),
    kind: text("kind", { enum: ALERT_KINDS }).notNull(),
    detail: jsonb("detail").$type<AlertDetail>().notNull().default({}),
    /** The home session that raised (or last updated) it; none for not_logging. */
    sessionLogId: uuid("session_log_id"),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: uuid("acknowledged_by").references(() => users.id),
    note: text("note"),
    /** The programme version made when staff took the offered swap from the alert. */
    swappedIntoId: uuid("swapped_into_id").references(() => programmes.id),
  },
  (t) => [
    uniqueIndex("patient_alert_open_key").on(t.clinicId, t.patientId, t.programmeId, t.kind).where(sql`acknowledged_at is null`),
    index("patient_alert_open_idx").on(t.clinicId, t.raisedAt).where(sql`acknowledged_at is null`),
    index("patient_alert_patient_idx").on(t.clinicId, t.patientId, t.raisedAt),
    check("patient_alert_programme_by_kind", sql`(kind = 'red_flag') = (programme_id is null)`),
  ],
);

export type PatientAlert = typeof patientAlerts.$inferSelect;

