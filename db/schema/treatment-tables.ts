import { sql } from "drizzle-orm";
import { pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics } from "./clinics";

/**
 * A place a booking occupies: a traction table (decompression sessions) or a
 * room (assessments). Bookings never overlap on one resource: the exclusion
 * constraints on decompression_session and appointment decide (migration, hand-written part).
 */
export const treatmentTables = pgTable(
  "treatment_table",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["table", "room"] }).notNull().default("table"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("treatment_table_name_idx").on(t.clinicId, sql`lower(${t.name})`)],
);

export type TreatmentTable = typeof treatmentTables.$inferSelect;
