CREATE TABLE "exercise_media" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"exercise_key" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patient_link" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"programme_id" uuid,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patient_link_programme_needs_id" CHECK (purpose <> 'programme' or programme_id is not null)
);
--> statement-breakpoint
CREATE TABLE "programme_session_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"done_on" date NOT NULL,
	"items_done" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"pain" integer,
	"effort" text,
	"note" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_session_log_pain_range" CHECK (pain between 0 and 10)
);
--> statement-breakpoint
ALTER TABLE "audit_event" ADD COLUMN "actor_kind" text DEFAULT 'staff' NOT NULL;--> statement-breakpoint
ALTER TABLE "adherence_entry" ADD COLUMN "source" text DEFAULT 'staff' NOT NULL;--> statement-breakpoint
ALTER TABLE "exercise_media" ADD CONSTRAINT "exercise_media_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_media" ADD CONSTRAINT "exercise_media_uploaded_by_app_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_link" ADD CONSTRAINT "patient_link_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_link" ADD CONSTRAINT "patient_link_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_link" ADD CONSTRAINT "patient_link_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_link" ADD CONSTRAINT "patient_link_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_session_log" ADD CONSTRAINT "programme_session_log_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_session_log" ADD CONSTRAINT "programme_session_log_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_session_log" ADD CONSTRAINT "programme_session_log_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_session_log" ADD CONSTRAINT "programme_session_log_link_id_patient_link_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."patient_link"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "exercise_media_exercise_key" ON "exercise_media" USING btree ("clinic_id","exercise_key");--> statement-breakpoint
CREATE UNIQUE INDEX "patient_link_token_hash_key" ON "patient_link" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "patient_link_patient_idx" ON "patient_link" USING btree ("clinic_id","patient_id","created_at");--> statement-breakpoint
CREATE INDEX "patient_link_programme_idx" ON "patient_link" USING btree ("clinic_id","programme_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_session_log_client_key" ON "programme_session_log" USING btree ("clinic_id","link_id","client_id");--> statement-breakpoint
CREATE INDEX "programme_session_log_week_idx" ON "programme_session_log" USING btree ("clinic_id","programme_id","done_on");--> statement-breakpoint
CREATE UNIQUE INDEX "adherence_patient_reported_week_key" ON "adherence_entry" USING btree ("clinic_id","programme_id","week_start") WHERE source = 'patient';--> statement-breakpoint
-- hand-written: issue 12, patient links. Tenant tables get the one policy shape (migration 0009).
SELECT enable_tenant_rls(t) FROM unnest(ARRAY['patient_link', 'programme_session_log', 'exercise_media']::regclass[]) AS t;
--> statement-breakpoint
ALTER TABLE "patient_link" ADD CONSTRAINT "patient_link_purpose_known" CHECK (purpose in ('programme', 'questionnaire', 'intake'));
--> statement-breakpoint
ALTER TABLE "programme_session_log" ADD CONSTRAINT "programme_session_log_effort_known" CHECK (effort in ('too_hard', 'about_right', 'too_easy'));
--> statement-breakpoint
ALTER TABLE "adherence_entry" ADD CONSTRAINT "adherence_source_known" CHECK (source in ('staff', 'patient'));
--> statement-breakpoint
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_actor_kind_known" CHECK (actor_kind in ('staff', 'patient_link'));
--> statement-breakpoint
-- Opening a link is the one read before its clinic is known (like sign-in):
-- this function answers for one exact token hash with what picking the status
-- and the clinic needs; everything else is then read inside that clinic's scope.
CREATE POLICY owner_link_lookup ON patient_link FOR SELECT TO CURRENT_USER USING (true);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION patient_link_by_hash(p_hash text)
  RETURNS TABLE (link_id uuid, clinic_id uuid, patient_id uuid, purpose text, programme_id uuid, expires_at timestamptz, revoked_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
    SELECT l.id, l.clinic_id, l.patient_id, l.purpose, l.programme_id, l.expires_at, l.revoked_at
    FROM public.patient_link l
    WHERE l.token_hash = p_hash
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION patient_link_by_hash(text) FROM PUBLIC;
