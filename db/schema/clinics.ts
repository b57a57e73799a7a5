import { sql } from "drizzle-orm";
import { DEFAULT_ALERT_THRESHOLDS as ALERTS, ALERT_THRESHOLD_LIMITS as LIMITS } from "@/lib/clinical/alert-rules";
import { boolean, check, doublePrecision, integer, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("role", ["admin", "practitioner"]);
export const ROLES = roleEnum.enumValues;
export type Role = (typeof ROLES)[number];

export const clinics = pgTable("clinic", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  timeZone: text("time_zone").notNull().default("Europe/London"),
  weightUnit: text("weight_unit", { enum: ["kg", "lb"] }).notNull().default("kg"),
  // Per-clinic overrides of the default meaningful-change rules (lib/clinical/mcid.ts).
  mcidOverrides: jsonb("mcid_overrides").$type<Record<string, unknown>>().notNull().default({}),
  // "Well below" McGill's healthy endurance ratios, as a fraction of them (weak-core pattern; default 0.5 [U]).
  coreRatioFraction: doublePrecision("core_ratio_fraction").notNull().default(0.5),
  /** Every staff member must hold a second factor (TOTP or a passkey) to use the app. */
  requireMfa: boolean("require_mfa").notNull().default(false),
  /** The public enquiry page's address, /enquire/<slug> (lib/enquiries); none, no page. */
  slug: text("slug"),
  /** The clinic's own website, as an origin (https://example.com): the only site that may frame the enquiry form (/enquire/<slug>/embed). */
  websiteOrigin: text("website_origin"),
  /** The number enquirers are told to call (the acknowledgement, the thank-you page). */
  phone: text("phone"),
  /** Days an enquiry that never became a patient is kept before the hourly purge deletes it (issue 13). */
  enquiryRetentionDays: integer("enquiry_retention_days").notNull().default(90),
  /** Alert thresholds for what patients report at home (lib/clinical/alert-rules.ts owns the defaults and their sources). */
  alertPainAtLeast: integer("alert_pain_at_least").notNull().default(ALERTS.painAtLeast),
  alertTooHardRun: integer("alert_too_hard_run").notNull().default(ALERTS.tooHardRun),
  alertNotLoggingDays: integer("alert_not_logging_days").notNull().default(ALERTS.notLoggingDays),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check("clinic_core_ratio_fraction_check", sql`${t.coreRatioFraction} > 0 and ${t.coreRatioFraction} <= 1`),
  uniqueIndex("clinic_slug_key").on(t.slug),
  check("clinic_slug_shape", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  check("clinic_phone_shape", sql`${t.phone} ~ '^\\+?[0-9 ()-]{7,40}$'`),
  check("clinic_website_origin_shape", sql`${t.websiteOrigin} ~ '^https?://[a-z0-9.-]+(:[0-9]{1,5})?$'`),
  check("clinic_enquiry_retention_range", sql`${t.enquiryRetentionDays} between 1 and 3650`),
  check("clinic_alert_pain_range", sql`${t.alertPainAtLeast} between ${sql.raw(String(LIMITS.painAtLeast.min))} and ${sql.raw(String(LIMITS.painAtLeast.max))}`),
  check("clinic_alert_too_hard_range", sql`${t.alertTooHardRun} between ${sql.raw(String(LIMITS.tooHardRun.min))} and ${sql.raw(String(LIMITS.tooHardRun.max))}`),
  check("clinic_alert_not_logging_range", sql`${t.alertNotLoggingDays} between ${sql.raw(String(LIMITS.notLoggingDays.min))} and ${sql.raw(String(LIMITS.notLoggingDays.max))}`),
]);

export const users = pgTable(
  "app_user",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    // Stored lower-cased; sign-in is by email across the installation.
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: roleEnum("role").notNull().default("practitioner"),
    passwordHash: text("password_hash").notNull(),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("app_user_email_key").on(sql`lower(${t.email})`),
    index("app_user_clinic_idx").on(t.clinicId, t.name),
  ],
);

export type Clinic = typeof clinics.$inferSelect;
export type NewClinic = typeof clinics.$inferInsert;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
