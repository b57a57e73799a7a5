import { bigint, index, inet, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const auditActionEnum = pgEnum("audit_action", [
  "view",
  "create",
  "update",
  "archive",
  "restore",
  "delete",
  "export",
  "sign",
  "amend",
  "override",
  "login",
  "login_failed",
  "logout",
  // A request for another clinic's record, refused (it answered "not found").
  "denied",
]);
export const AUDIT_ACTIONS = auditActionEnum.enumValues;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Append-only record of who saw or changed what (ASTM E2147-18; HIPAA
 * 164.312(b)). A trigger in the migrations refuses UPDATE, DELETE and
 * TRUNCATE. Foreign keys are deliberately absent: the trail must outlive
 * and never block the rows it describes.
 */
export const auditEvents = pgTable(
  "audit_event",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    // Null only for a failed sign-in with an email that matches no account.
    clinicId: uuid("clinic_id"),
    /** Who acted: a signed-in staff member (actor_id), or a patient through a link (entity patient_link, no actor_id). */
    actorKind: text("actor_kind", { enum: ["staff", "patient_link", "public", "system"] }).notNull().default("staff"),
    actorId: uuid("actor_id"),
    actorEmail: text("actor_email"),
    patientId: uuid("patient_id"),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    action: auditActionEnum("action").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    ip: inet("ip"),
    reason: text("reason"),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_event_clinic_at_idx").on(t.clinicId, t.at),
    index("audit_event_clinic_patient_idx").on(t.clinicId, t.patientId, t.at),
    index("audit_event_clinic_actor_idx").on(t.clinicId, t.actorId, t.at),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;
