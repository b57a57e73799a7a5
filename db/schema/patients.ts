import { sql } from "drizzle-orm";
import { check, date, index, integer, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";

export const sexEnum = pgEnum("sex", ["female", "male", "other", "unknown"]);
export const SEXES = sexEnum.enumValues;
export type Sex = (typeof SEXES)[number];

export const patients = pgTable(
  "patient",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    // Lower-cased copies for the name search. Under row-level security the planner may use an
    // index only for leakproof conditions: `lower()` and LIKE are not, so an index on
    // lower(last_name) sat unused and every patient of the clinic was filtered one by one.
    // A prefix test on these stored columns with `^@` (starts_with, leakproof) is an index range.
    firstNameSearch: text("first_name_search").generatedAlwaysAs(sql`lower(first_name)`),
    lastNameSearch: text("last_name_search").generatedAlwaysAs(sql`lower(last_name)`),
    dateOfBirth: date("date_of_birth", { mode: "string" }).notNull(),
    sex: sexEnum("sex").notNull(),
    phone: text("phone"),
    email: text("email"),
    notes: text("notes"),
    /**
     * Where an imported patient came from (lib/patient-import): the source system and its own id
     * for the patient, so importing the same export again finds the patient instead of adding one.
     */
    sourceSystem: text("source_system"),
    externalId: text("external_id"),
    /** The practitioner whose caseload the patient is on (the dashboard's default view). */
    practitionerId: uuid("practitioner_id").references(() => users.id),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    // Optimistic concurrency: an update names the version it started from.
    version: integer("version").notNull().default(1),
  },
  (t) => [
    // Prefix search by name inside one clinic (lib/patients/queries.ts); every index leads with clinic_id.
    index("patient_clinic_last_name_search_idx").on(t.clinicId, sql`${t.lastNameSearch} text_pattern_ops`),
    index("patient_clinic_first_name_search_idx").on(t.clinicId, sql`${t.firstNameSearch} text_pattern_ops`),
    index("patient_clinic_dob_idx").on(t.clinicId, t.dateOfBirth),
    index("patient_clinic_practitioner_idx").on(t.clinicId, t.practitionerId),
    // One patient per source id within a clinic; patients typed in by hand carry none.
    uniqueIndex("patient_clinic_source_external_idx").on(t.clinicId, t.sourceSystem, t.externalId),
    check("patient_source_pair", sql`(${t.sourceSystem} is null) = (${t.externalId} is null)`),
    // The list's order, for keyset pages (lib/patients/queries.ts): a page is one index range, at any depth;
    // archived_at in the key so the status filter needs no heap visit.
    index("patient_clinic_name_order_idx").on(t.clinicId, t.lastName, t.firstName, t.id, t.archivedAt),
  ],
);

/**
 * How many patients a clinic has, active and archived, kept by a trigger on patient
 * (migration 0015, hand-written part) in the same transaction as the insert, archive or
 * restore, so the patient list shows its total without counting the clinic's rows.
 * `npm run db:rebuild-summaries` recomputes it (a bulk load that skips triggers needs that).
 */
export const patientCounts = pgTable("patient_count", {
  clinicId: uuid("clinic_id")
    .primaryKey()
    .references(() => clinics.id),
  active: integer("active").notNull().default(0),
  archived: integer("archived").notNull().default(0),
});

/** Body weight is dated: decompression force is judged against the weight of the day. */
export const bodyWeights = pgTable(
  "body_weight",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    kg: numeric("kg", { precision: 5, scale: 1, mode: "number" }).notNull(),
    measuredOn: date("measured_on", { mode: "string" }).notNull(),
    recordedBy: uuid("recorded_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("body_weight_patient_idx").on(t.clinicId, t.patientId, t.measuredOn)],
);

export type Patient = typeof patients.$inferSelect;
export type NewPatient = typeof patients.$inferInsert;
export type BodyWeight = typeof bodyWeights.$inferSelect;
