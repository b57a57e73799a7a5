CREATE TABLE "patient_summary" (
	"patient_id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"first_assessed_at" timestamp with time zone,
	"last_assessed_at" timestamp with time zone,
	"active_programme" boolean DEFAULT false NOT NULL,
	"review_date" date,
	"course_id" uuid,
	"course_status" text,
	"planned_sessions" integer,
	"course_completed" integer DEFAULT 0 NOT NULL,
	"half_at" timestamp with time zone,
	"final_at" timestamp with time zone,
	"sessions_completed" integer DEFAULT 0 NOT NULL,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"improved" boolean DEFAULT false NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "summary_state" (
	"clinic_id" uuid PRIMARY KEY NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "patient_summary" ADD CONSTRAINT "patient_summary_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_summary" ADD CONSTRAINT "patient_summary_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summary_state" ADD CONSTRAINT "summary_state_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patient_summary_clinic_idx" ON "patient_summary" USING btree ("clinic_id","patient_id");--> statement-breakpoint
-- hand-written: both tables are the clinic's own, under the same policy as every tenant table.
-- No backfill here: a clinic without a summary_state row is rebuilt (lib/summaries) before its dashboard is next read.
SELECT enable_tenant_rls(t) FROM unnest(ARRAY['patient_summary', 'summary_state']::regclass[]) AS t;
