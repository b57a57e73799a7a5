import { sql } from "drizzle-orm";
import { check, customType, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";
import { patients } from "./patients";
import { programmes } from "./programmes";

/** Raw bytes: postgres.js gives a Buffer, PGlite a Uint8Array; both are Uint8Array. */
const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => Buffer.from(value),
});

export const LINK_PURPOSES = ["programme", "questionnaire", "intake"] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

/**
 * A link a patient opens without signing in (lib/patient-links). Only the
 * SHA-256 of its 256-bit random token is kept; the token itself is shown to
 * staff once, when the link is made. One mechanism for every purpose: the
 * programme on the phone now, questionnaires and intake later.
 */
export const patientLinks = pgTable(
  "patient_link",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    purpose: text("purpose", { enum: LINK_PURPOSES }).notNull(),
    /** The programme the link shows (purpose "programme"). */
    programmeId: uuid("programme_id").references(() => programmes.id),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("patient_link_token_hash_key").on(t.tokenHash),
    index("patient_link_patient_idx").on(t.clinicId, t.patientId, t.createdAt),
    index("patient_link_programme_idx").on(t.clinicId, t.programmeId),
    check("patient_link_programme_needs_id", sql`purpose <> 'programme' or programme_id is not null`),
  ],
);

export const SESSION_EFFORTS = ["too_hard", "about_right", "too_easy"] as const;
export type SessionEffort = (typeof SESSION_EFFORTS)[number];

/**
 * One home session the patient logged through a link. `client_id` is made on
 * the phone when the session is saved and travels with every retry of it, so
 * the unique index counts a submission sent twice (offline queue, lost
 * answer) once.
 */
export const programmeSessionLogs = pgTable(
  "programme_session_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    programmeId: uuid("programme_id").notNull().references(() => programmes.id),
    linkId: uuid("link_id").notNull().references(() => patientLinks.id),
    clientId: uuid("client_id").notNull(),
    doneOn: date("done_on", { mode: "string" }).notNull(),
    /** programme_item ids ticked "Done". */
    itemsDone: uuid("items_done").array().notNull().default(sql`'{}'::uuid[]`),
    pain: integer("pain"),
    effort: text("effort", { enum: SESSION_EFFORTS }),
    note: text("note"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("programme_session_log_client_key").on(t.clinicId, t.linkId, t.clientId),
    index("programme_session_log_week_idx").on(t.clinicId, t.programmeId, t.doneOn),
    check("programme_session_log_pain_range", sql`pain between 0 and 10`),
  ],
);

/**
 * The clinic's own picture or short video of an exercise (a built-in slug or
 * a clinic exercise id), one per exercise. Served only through a valid
 * patient link or a staff session (lib/exercise-media).
 */
export const exerciseMedia = pgTable(
  "exercise_media",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    exerciseKey: text("exercise_key").notNull(),
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    data: bytes("data").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("exercise_media_exercise_key").on(t.clinicId, t.exerciseKey)],
);

export type PatientLink = typeof patientLinks.$inferSelect;
export type ProgrammeSessionLog = typeof programmeSessionLogs.$inferSelect;
export type ExerciseMedia = typeof exerciseMedia.$inferSelect;
