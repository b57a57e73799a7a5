CREATE TABLE "patient_flag" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"code" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"noted_on" date NOT NULL,
	"source" text,
	"note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid
);
--> statement-breakpoint
CREATE TABLE "assessment_revision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"content" jsonb NOT NULL,
	"reason" text,
	"signed_by" uuid NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"practitioner_id" uuid NOT NULL,
	"assessed_at" timestamp with time zone NOT NULL,
	"region" text NOT NULL,
	"chief_complaint" text DEFAULT '' NOT NULL,
	"notes" text,
	"plan_notes" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"signed_at" timestamp with time zone,
	"signed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instrument_result" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"instrument" text NOT NULL,
	"version" text NOT NULL,
	"items" jsonb NOT NULL,
	"score" double precision NOT NULL,
	"score_unit" text NOT NULL,
	"scale_min" double precision NOT NULL,
	"scale_max" double precision NOT NULL,
	"direction" text NOT NULL,
	"band" text,
	"rule" text NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "measurement" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "measurement_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"assessment_id" uuid,
	"code" text NOT NULL,
	"side" text NOT NULL,
	"value" double precision NOT NULL,
	"unit" text NOT NULL,
	"method" text,
	"examiner_id" uuid,
	"taken_at" timestamp with time zone NOT NULL,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pattern_tag" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"pattern" text NOT NULL,
	"status" text NOT NULL,
	"suggested" boolean DEFAULT false NOT NULL,
	"triggers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "adherence_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"sessions_done" integer NOT NULL,
	"sessions_prescribed" integer NOT NULL,
	"pain_during" integer,
	"note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exercise" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"based_on" text,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"target_muscles" text[] DEFAULT '{}'::text[] NOT NULL,
	"patterns" text[] DEFAULT '{}'::text[] NOT NULL,
	"equipment" text[] DEFAULT '{}'::text[] NOT NULL,
	"sets" integer NOT NULL,
	"reps" integer,
	"hold_seconds" integer,
	"times_per_day" integer NOT NULL,
	"days_per_week" integer NOT NULL,
	"instructions" text NOT NULL,
	"common_errors" text[] DEFAULT '{}'::text[] NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"built_in_slug" text,
	"exercise_id" uuid,
	"sets" integer NOT NULL,
	"reps" integer,
	"hold_seconds" integer,
	"load_unit" text,
	"load_value" double precision,
	"load_band" text,
	"times_per_day" integer NOT NULL,
	"days_per_week" integer NOT NULL,
	"side" text DEFAULT 'na' NOT NULL,
	"notes" text,
	CONSTRAINT "programme_item_one_exercise" CHECK ((built_in_slug is null) <> (exercise_id is null))
);
--> statement-breakpoint
CREATE TABLE "programme" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"practitioner_id" uuid NOT NULL,
	"version_no" integer DEFAULT 1 NOT NULL,
	"supersedes_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"stopped_reason" text,
	"goals" text DEFAULT '' NOT NULL,
	"start_date" date NOT NULL,
	"review_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decompression_course" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"practitioner_id" uuid NOT NULL,
	"region" text NOT NULL,
	"target_level" text NOT NULL,
	"planned_sessions" integer NOT NULL,
	"sessions_per_week" integer NOT NULL,
	"start_date" date NOT NULL,
	"initial_parameters" jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"stopped_reason" text,
	"screening" jsonb NOT NULL,
	"override_reason" text,
	"override_by" uuid,
	"override_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decompression_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"practitioner_id" uuid,
	"scheduled_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"position" text,
	"angle_deg" double precision,
	"body_weight_kg" double precision,
	"body_weight_on" date,
	"max_force_kg" double precision,
	"min_force_kg" double precision,
	"hold_seconds" integer,
	"rest_seconds" integer,
	"cycles" integer,
	"duration_min" integer,
	"nprs_before" integer,
	"nprs_after" integer,
	"response" text,
	"adverse_event" text,
	"force_warning_confirmed" boolean DEFAULT false NOT NULL,
	"notes" text,
	"logged_by" uuid,
	"logged_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "patient" ADD COLUMN "practitioner_id" uuid;--> statement-breakpoint
ALTER TABLE "patient_flag" ADD CONSTRAINT "patient_flag_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_flag" ADD CONSTRAINT "patient_flag_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_flag" ADD CONSTRAINT "patient_flag_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_flag" ADD CONSTRAINT "patient_flag_resolved_by_app_user_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_revision" ADD CONSTRAINT "assessment_revision_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_revision" ADD CONSTRAINT "assessment_revision_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_revision" ADD CONSTRAINT "assessment_revision_signed_by_app_user_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_practitioner_id_app_user_id_fk" FOREIGN KEY ("practitioner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_signed_by_app_user_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_result" ADD CONSTRAINT "instrument_result_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_result" ADD CONSTRAINT "instrument_result_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_result" ADD CONSTRAINT "instrument_result_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement" ADD CONSTRAINT "measurement_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement" ADD CONSTRAINT "measurement_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement" ADD CONSTRAINT "measurement_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement" ADD CONSTRAINT "measurement_examiner_id_app_user_id_fk" FOREIGN KEY ("examiner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pattern_tag" ADD CONSTRAINT "pattern_tag_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pattern_tag" ADD CONSTRAINT "pattern_tag_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pattern_tag" ADD CONSTRAINT "pattern_tag_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pattern_tag" ADD CONSTRAINT "pattern_tag_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adherence_entry" ADD CONSTRAINT "adherence_entry_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adherence_entry" ADD CONSTRAINT "adherence_entry_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adherence_entry" ADD CONSTRAINT "adherence_entry_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adherence_entry" ADD CONSTRAINT "adherence_entry_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise" ADD CONSTRAINT "exercise_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise" ADD CONSTRAINT "exercise_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_item" ADD CONSTRAINT "programme_item_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_item" ADD CONSTRAINT "programme_item_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_item" ADD CONSTRAINT "programme_item_exercise_id_exercise_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme" ADD CONSTRAINT "programme_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme" ADD CONSTRAINT "programme_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme" ADD CONSTRAINT "programme_practitioner_id_app_user_id_fk" FOREIGN KEY ("practitioner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decompression_course" ADD CONSTRAINT "decompression_course_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decompression_course" ADD CONSTRAINT "decompression_course_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decompression_course" ADD CONSTRAINT "decompression_course_practitioner_id_app_user_id_fk" FOREIGN KEY ("practitioner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decompression_course" ADD CONSTRAINT "decompression_course_override_by_app_user_id_fk" FOREIGN KEY ("override_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decompression_session" ADD CONSTRAINT "decompression_session_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decompression_session" ADD CONSTRAINT "decompression_session_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decompression_session" ADD CONSTRAINT "decompression_session_course_id_decompression_course_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."decompression_course"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decompression_session" ADD CONSTRAINT "decompression_session_practitioner_id_app_user_id_fk" FOREIGN KEY ("practitioner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decompression_session" ADD CONSTRAINT "decompression_session_logged_by_app_user_id_fk" FOREIGN KEY ("logged_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patient_flag_patient_idx" ON "patient_flag" USING btree ("clinic_id","patient_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_revision_key" ON "assessment_revision" USING btree ("clinic_id","assessment_id","revision");--> statement-breakpoint
CREATE INDEX "assessment_patient_idx" ON "assessment" USING btree ("clinic_id","patient_id","assessed_at");--> statement-breakpoint
CREATE INDEX "assessment_practitioner_status_idx" ON "assessment" USING btree ("clinic_id","practitioner_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "instrument_result_trend_idx" ON "instrument_result" USING btree ("clinic_id","patient_id","instrument","taken_at") WHERE superseded_at is null;--> statement-breakpoint
CREATE INDEX "instrument_result_assessment_idx" ON "instrument_result" USING btree ("clinic_id","assessment_id");--> statement-breakpoint
CREATE INDEX "measurement_trend_idx" ON "measurement" USING btree ("clinic_id","patient_id","code","taken_at") WHERE superseded_at is null;--> statement-breakpoint
CREATE INDEX "measurement_assessment_idx" ON "measurement" USING btree ("clinic_id","assessment_id");--> statement-breakpoint
CREATE INDEX "pattern_tag_patient_idx" ON "pattern_tag" USING btree ("clinic_id","patient_id","status");--> statement-breakpoint
CREATE INDEX "adherence_patient_idx" ON "adherence_entry" USING btree ("clinic_id","patient_id","week_start");--> statement-breakpoint
CREATE INDEX "adherence_week_idx" ON "adherence_entry" USING btree ("clinic_id","week_start");--> statement-breakpoint
CREATE INDEX "exercise_clinic_name_idx" ON "exercise" USING btree ("clinic_id","name");--> statement-breakpoint
CREATE INDEX "programme_item_programme_idx" ON "programme_item" USING btree ("clinic_id","programme_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_one_active_idx" ON "programme" USING btree ("clinic_id","patient_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "programme_patient_idx" ON "programme" USING btree ("clinic_id","patient_id","created_at");--> statement-breakpoint
CREATE INDEX "programme_review_idx" ON "programme" USING btree ("clinic_id","status","review_date");--> statement-breakpoint
CREATE INDEX "decompression_course_patient_idx" ON "decompression_course" USING btree ("clinic_id","patient_id","start_date");--> statement-breakpoint
CREATE INDEX "decompression_course_status_idx" ON "decompression_course" USING btree ("clinic_id","status");--> statement-breakpoint
CREATE INDEX "decompression_session_course_idx" ON "decompression_session" USING btree ("clinic_id","course_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "decompression_session_patient_idx" ON "decompression_session" USING btree ("clinic_id","patient_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "decompression_session_day_idx" ON "decompression_session" USING btree ("clinic_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "decompression_session_practitioner_idx" ON "decompression_session" USING btree ("clinic_id","practitioner_id","scheduled_at");--> statement-breakpoint
ALTER TABLE "patient" ADD CONSTRAINT "patient_practitioner_id_app_user_id_fk" FOREIGN KEY ("practitioner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patient_clinic_practitioner_idx" ON "patient" USING btree ("clinic_id","practitioner_id");