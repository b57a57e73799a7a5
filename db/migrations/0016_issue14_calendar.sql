CREATE TABLE "treatment_table" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'table' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"practitioner_id" uuid NOT NULL,
	"treatment_table_id" uuid,
	"course_id" uuid,
	"kind" text DEFAULT 'assessment' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"cancel_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "appointment_range_order" CHECK (starts_at < ends_at)
);
--> statement-breakpoint
CREATE TABLE "calendar_feed" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "clinic_closure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"closed_on" date NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "working_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"weekday" integer NOT NULL,
	"starts_at" time NOT NULL,
	"ends_at" time NOT NULL,
	CONSTRAINT "working_hours_weekday_range" CHECK (weekday between 1 and 7 and starts_at < ends_at)
);
--> statement-breakpoint
ALTER TABLE "decompression_course" ADD COLUMN "booking_pattern" jsonb;--> statement-breakpoint
ALTER TABLE "decompression_session" ADD COLUMN "ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "decompression_session" ADD COLUMN "treatment_table_id" uuid;--> statement-breakpoint
ALTER TABLE "decompression_session" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "treatment_table" ADD CONSTRAINT "treatment_table_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_practitioner_id_app_user_id_fk" FOREIGN KEY ("practitioner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_treatment_table_id_treatment_table_id_fk" FOREIGN KEY ("treatment_table_id") REFERENCES "public"."treatment_table"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_course_id_decompression_course_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."decompression_course"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_closure" ADD CONSTRAINT "clinic_closure_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_hours" ADD CONSTRAINT "working_hours_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_hours" ADD CONSTRAINT "working_hours_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "treatment_table_name_idx" ON "treatment_table" USING btree ("clinic_id",lower("name"));--> statement-breakpoint
CREATE INDEX "appointment_day_idx" ON "appointment" USING btree ("clinic_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointment_practitioner_idx" ON "appointment" USING btree ("clinic_id","practitioner_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feed_token_idx" ON "calendar_feed" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feed_one_active_idx" ON "calendar_feed" USING btree ("clinic_id","user_id") WHERE active;--> statement-breakpoint
CREATE UNIQUE INDEX "clinic_closure_day_idx" ON "clinic_closure" USING btree ("clinic_id","closed_on");--> statement-breakpoint
CREATE INDEX "working_hours_user_idx" ON "working_hours" USING btree ("clinic_id","user_id","weekday");--> statement-breakpoint
ALTER TABLE "decompression_session" ADD CONSTRAINT "decompression_session_treatment_table_id_treatment_table_id_fk" FOREIGN KEY ("treatment_table_id") REFERENCES "public"."treatment_table"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decompression_session_table_idx" ON "decompression_session" USING btree ("clinic_id","treatment_table_id","scheduled_at");--> statement-breakpoint
-- hand-written: issue 14. No double booking, decided by the database even under
-- races: gist exclusion constraints over the booked time range. btree_gist gives
-- gist the `=` on uuid that the constraint combines with the range overlap.
-- PGlite ships it as a contrib extension, loaded wherever PGlite is created (db/pglite-extensions.ts).
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "decompression_session" ADD CONSTRAINT "decompression_session_range_order" CHECK (ends_at IS NULL OR ends_at > scheduled_at);
--> statement-breakpoint
-- A scheduled or completed session holds its table; a cancelled or missed one frees it.
ALTER TABLE "decompression_session" ADD CONSTRAINT "decompression_session_no_table_overlap"
  EXCLUDE USING gist ("clinic_id" WITH =, "treatment_table_id" WITH =, tstzrange("scheduled_at", "ends_at") WITH &&)
  WHERE ("treatment_table_id" IS NOT NULL AND "ends_at" IS NOT NULL AND "status" IN ('scheduled', 'completed'));
--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_no_room_overlap"
  EXCLUDE USING gist ("clinic_id" WITH =, "treatment_table_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&)
  WHERE ("treatment_table_id" IS NOT NULL AND "status" IN ('booked', 'attended'));
--> statement-breakpoint
-- One assessment at a time per practitioner (a practitioner may watch two traction tables, so sessions are checked in the app).
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_no_practitioner_overlap"
  EXCLUDE USING gist ("clinic_id" WITH =, "practitioner_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&)
  WHERE ("status" IN ('booked', 'attended'));
--> statement-breakpoint
SELECT enable_tenant_rls(t) FROM unnest(ARRAY['treatment_table', 'clinic_closure', 'working_hours', 'appointment', 'calendar_feed']::regclass[]) AS t;
--> statement-breakpoint
-- The feed URL carries no session: its token's hash names the practitioner and
-- clinic, and only then is the clinic set (lib/calendar/feed.ts). One row for one hash, active only.
CREATE OR REPLACE FUNCTION calendar_feed_owner(p_token_hash text)
  RETURNS TABLE (clinic_id uuid, user_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
    SELECT f.clinic_id, f.user_id FROM public.calendar_feed f
    JOIN public.app_user u ON u.id = f.user_id AND u.deactivated_at IS NULL
    WHERE f.token_hash = p_token_hash AND f.active
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION calendar_feed_owner(text) FROM PUBLIC;
