import { date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";
import { patients } from "./patients";

/**
 * Contraindications, precautions and red flags recorded on a patient, each
 * dated and sourced. `code` is a SAFETY_FLAGS code (lib/clinical/safety.ts).
 * Resolving keeps the row: the history of what was known when matters.
 */
export const patientFlags = pgTable(
  "patient_flag",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    code: text("code").notNull(),
    status: text("status", { enum: ["active", "resolved"] }).notNull().default("active"),
    notedOn: date("noted_on", { mode: "string" }).notNull(),
    source: text("source"),
    note: text("note"),
    recordedBy: uuid("recorded_by").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: uuid("resolved_by").references(() => users.id),
  },
  (t) => [index("patient_flag_patient_idx").on(t.clinicId, t.patientId, t.status)],
);

export type PatientFlag = typeof patientFlags.$inferSelect;
