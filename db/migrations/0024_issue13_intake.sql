CREATE TABLE "patient_intake" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"odi_version" text NOT NULL,
	"red_flags" jsonb,
	"red_flag_urgency" text,
	"flags_answered_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patient_intake_flags_answered" CHECK ((red_flags is null) = (flags_answered_at is null) and (red_flag_urgency is null or red_flags is not null)),
	CONSTRAINT "patient_intake_flags_first" CHECK (completed_at is null or flags_answered_at is not null)
);
--> statement-breakpoint
DROP INDEX "patient_report_link_key";--> statement-breakpoint
ALTER TABLE "patient_alert" ALTER COLUMN "programme_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_intake" ADD CONSTRAINT "patient_intake_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_intake" ADD CONSTRAINT "patient_intake_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_intake" ADD CONSTRAINT "patient_intake_link_id_patient_link_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."patient_link"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_intake" ADD CONSTRAINT "patient_intake_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "patient_intake_link_key" ON "patient_intake" USING btree ("clinic_id","link_id");--> statement-breakpoint
CREATE INDEX "patient_intake_patient_idx" ON "patient_intake" USING btree ("clinic_id","patient_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "patient_report_link_instrument_key" ON "patient_report" USING btree ("clinic_id","link_id","instrument");--> statement-breakpoint
ALTER TABLE "patient_alert" ADD CONSTRAINT "patient_alert_programme_by_kind" CHECK ((kind = 'red_flag') = (programme_id is null));--> statement-breakpoint
-- hand-written: issue 13, the intake. A tenant table with the one policy shape (migration 0009), and the closed lists as checks.
SELECT enable_tenant_rls('patient_intake'::regclass);
--> statement-breakpoint
ALTER TABLE "patient_intake" ADD CONSTRAINT "patient_intake_urgency_known" CHECK (red_flag_urgency in ('emergency', 'same-day'));
--> statement-breakpoint
ALTER TABLE "patient_alert" ADD CONSTRAINT "patient_alert_kind_known" CHECK (kind in ('pain_high', 'too_hard', 'not_logging', 'red_flag'));
