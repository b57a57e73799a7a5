CREATE TABLE "patient_alert" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"session_log_id" uuid,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"note" text,
	"swapped_into_id" uuid
);
--> statement-breakpoint
ALTER TABLE "clinic" ADD COLUMN "alert_pain_at_least" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "clinic" ADD COLUMN "alert_too_hard_run" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "clinic" ADD COLUMN "alert_not_logging_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_alert" ADD CONSTRAINT "patient_alert_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_alert" ADD CONSTRAINT "patient_alert_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_alert" ADD CONSTRAINT "patient_alert_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_alert" ADD CONSTRAINT "patient_alert_acknowledged_by_app_user_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_alert" ADD CONSTRAINT "patient_alert_swapped_into_id_programme_id_fk" FOREIGN KEY ("swapped_into_id") REFERENCES "public"."programme"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "patient_alert_open_key" ON "patient_alert" USING btree ("clinic_id","patient_id","programme_id","kind") WHERE acknowledged_at is null;--> statement-breakpoint
CREATE INDEX "patient_alert_open_idx" ON "patient_alert" USING btree ("clinic_id","raised_at") WHERE acknowledged_at is null;--> statement-breakpoint
CREATE INDEX "patient_alert_patient_idx" ON "patient_alert" USING btree ("clinic_id","patient_id","raised_at");--> statement-breakpoint
ALTER TABLE "clinic" ADD CONSTRAINT "clinic_alert_pain_range" CHECK ("clinic"."alert_pain_at_least" between 1 and 10);--> statement-breakpoint
ALTER TABLE "clinic" ADD CONSTRAINT "clinic_alert_too_hard_range" CHECK ("clinic"."alert_too_hard_run" between 1 and 10);--> statement-breakpoint
ALTER TABLE "clinic" ADD CONSTRAINT "clinic_alert_not_logging_range" CHECK ("clinic"."alert_not_logging_days" between 2 and 60);--> statement-breakpoint
-- hand-written: issue 12 item 4, alerts. A tenant table with the one policy shape (migration 0009).
SELECT enable_tenant_rls('patient_alert'::regclass);
--> statement-breakpoint
-- The hourly "stopped logging" check looks at one clinic at a time through the runtime role; this names
-- the clinics that have a programme link in force (ids only), reading patient_link through the owner's
-- lookup policy of migration 0014.
CREATE OR REPLACE FUNCTION clinics_with_live_programme_links(p_now timestamptz) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT DISTINCT l.clinic_id FROM public.patient_link l
  WHERE l.purpose = 'programme' AND l.revoked_at IS NULL AND l.expires_at > p_now
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION clinics_with_live_programme_links(timestamptz) FROM PUBLIC;
