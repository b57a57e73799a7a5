import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";

export const IMPORT_STATUSES = ["staging", "ready", "importing", "done"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** Which CSV column feeds which patient field (a column index, or absent when unmapped). */
export type ImportMapping = Partial<Record<"externalId" | "firstName" | "lastName" | "dateOfBirth" | "sex" | "phone" | "email" | "notes", number>>;

/**
 * One CSV import of patients, staged before anything reaches the patient table
 * (lib/patient-import). Staged rows hold patient data, so an import lives at
 * most a day (`expires_at`): rows are removed as they are imported, and the
 * rest (refused or skipped, kept for the download of skipped rows) with the import.
 */
export const patientImports = pgTable(
  "patient_import",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    createdBy: uuid("created_by").references(() => users.id),
    sourceSystem: text("source_system").notNull(),
    dateFormat: text("date_format").notNull(),
    headers: jsonb("headers").$type<string[]>().notNull(),
    mapping: jsonb("mapping").$type<ImportMapping>().notNull(),
    status: text("status", { enum: IMPORT_STATUSES }).notNull().default("staging"),
    totalRows: integer("total_rows").notNull(),
    stagedRows: integer("staged_rows").notNull().default(0),
    refusedRows: integer("refused_rows").notNull().default(0),
    created: integer("created").notNull().default(0),
    linked: integer("linked").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    batches: integer("batches").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull().default(sql`now() + interval '1 day'`),
  },
  (t) => [index("patient_import_clinic_created_idx").on(t.clinicId, t.createdAt)],
);

export const IMPORT_ROW_STATUSES = ["ready", "refused", "skipped"] as const;
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number];

/** A validated row, ready to become (or match) a patient. */
export type StagedPatient = {
  externalId: string | null;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: "female" | "male" | "other" | "unknown";
  phone: string | null;
  email: string | null;
  notes: string | null;
};

export const patientImportRows = pgTable(
  "patient_import_row",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    importId: uuid("import_id")
      .notNull()
      .references(() => patientImports.id, { onDelete: "cascade" }),
    /** 1-based line of the data row in the file (the header is line 0). */
    rowNumber: integer("row_number").notNull(),
    status: text("status", { enum: IMPORT_ROW_STATUSES }).notNull(),
    /** The row as it was in the file, for the download of skipped rows. */
    raw: jsonb("raw").$type<string[]>().notNull(),
    patient: jsonb("patient").$type<StagedPatient>(),
    reasons: jsonb("reasons").$type<string[]>(),
  },
  (t) => [index("patient_import_row_import_idx").on(t.clinicId, t.importId, t.status, t.rowNumber)],
);

export type PatientImport = typeof patientImports.$inferSelect;
export type PatientImportRow = typeof patientImportRows.$inferSelect;
