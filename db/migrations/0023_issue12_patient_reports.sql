CREATE TABLE "patient_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"instrument" text NOT NULL,
	"version" text NOT NULL,
	"activities" jsonb,
	"status" text DEFAULT 'sent' NOT NULL,
	"answers" jsonb,
	"items" jsonb,
	"score" double precision,
	"score_unit" text,
	"scale_min" double precision,
	"scale_max" double precision,
	"direction" text,
	"band" text,
	"rule" text,
	"completed_at" timestamp with time zone,
	"assessment_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patient_report_completed_scored" CHECK (status = 'sent' or (completed_at is not null and answers is not null and score is not null and rule is not null)),
	CONSTRAINT "patient_report_score_in_scale" CHECK (score is null or score between scale_min and scale_max),
	CONSTRAINT "patient_report_accepted_has_assessment" CHECK (status <> 'accepted' or assessment_id is not null)
);
--> statement-breakpoint
CREATE TABLE "questionnaire_schedule" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"instrument" text NOT NULL,
	"rule" text NOT NULL,
	"every_weeks" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "questionnaire_schedule_weeks" CHECK ((rule = 'every_weeks') = (every_weeks is not null) and (every_weeks is null or every_weeks between 1 and 52))
);
--> statement-breakpoint
ALTER TABLE "patient_report" ADD CONSTRAINT "patient_report_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_report" ADD CONSTRAINT "patient_report_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_report" ADD CONSTRAINT "patient_report_link_id_patient_link_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."patient_link"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_report" ADD CONSTRAINT "patient_report_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_report" ADD CONSTRAINT "patient_report_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_report" ADD CONSTRAINT "patient_report_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_schedule" ADD CONSTRAINT "questionnaire_schedule_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_schedule" ADD CONSTRAINT "questionnaire_schedule_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_schedule" ADD CONSTRAINT "questionnaire_schedule_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_schedule" ADD CONSTRAINT "questionnaire_schedule_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "patient_report_link_key" ON "patient_report" USING btree ("clinic_id","link_id");--> statement-breakpoint
CREATE INDEX "patient_report_patient_idx" ON "patient_report" USING btree ("clinic_id","patient_id","status","created_at");--> statement-breakpoint
CREATE INDEX "questionnaire_schedule_patient_idx" ON "questionnaire_schedule" USING btree ("clinic_id","patient_id");
--> statement-breakpoint
-- hand-written: issue 12, patient-reported measures and their schedules. The tenant policy of migration 0009, and the closed lists as checks.
SELECT enable_tenant_rls(t) FROM unnest(ARRAY['patient_report', 'questionnaire_schedule']::regclass[]) AS t;
--> statement-breakpoint
ALTER TABLE "patient_report" ADD CONSTRAINT "patient_report_status_known" CHECK (status in ('sent', 'completed', 'accepted', 'dismissed'));
--> statement-breakpoint
ALTER TABLE "patient_report" ADD CONSTRAINT "patient_report_instrument_known" CHECK (instrument in ('nprs', 'odi', 'ndi', 'rmdq', 'psfs'));
--> statement-breakpoint
ALTER TABLE "questionnaire_schedule" ADD CONSTRAINT "questionnaire_schedule_rule_known" CHECK (rule in ('before_review', 'every_weeks'));
