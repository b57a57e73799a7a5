CREATE TABLE "patient_import_row" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "patient_import_row_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"clinic_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"status" text NOT NULL,
	"raw" jsonb NOT NULL,
	"patient" jsonb,
	"reasons" jsonb
);
--> statement-breakpoint
CREATE TABLE "patient_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"created_by" uuid,
	"source_system" text NOT NULL,
	"date_format" text NOT NULL,
	"headers" jsonb NOT NULL,
	"mapping" jsonb NOT NULL,
	"status" text DEFAULT 'staging' NOT NULL,
	"total_rows" integer NOT NULL,
	"staged_rows" integer DEFAULT 0 NOT NULL,
	"refused_rows" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"linked" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"batches" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone DEFAULT now() + interval '1 day' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "patient" ADD COLUMN "source_system" text;--> statement-breakpoint
ALTER TABLE "patient" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "patient_import_row" ADD CONSTRAINT "patient_import_row_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_import_row" ADD CONSTRAINT "patient_import_row_import_id_patient_import_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."patient_import"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_import" ADD CONSTRAINT "patient_import_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_import" ADD CONSTRAINT "patient_import_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patient_import_row_import_idx" ON "patient_import_row" USING btree ("clinic_id","import_id","status","row_number");--> statement-breakpoint
CREATE INDEX "patient_import_clinic_created_idx" ON "patient_import" USING btree ("clinic_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "patient_clinic_source_external_idx" ON "patient" USING btree ("clinic_id","source_system","external_id");--> statement-breakpoint
ALTER TABLE "patient" ADD CONSTRAINT "patient_source_pair" CHECK (("patient"."source_system" is null) = ("patient"."external_id" is null));--> statement-breakpoint
-- hand-written: the staging tables of a patient import are tenant tables like the others (migration 0009).
SELECT enable_tenant_rls(t) FROM unnest(ARRAY['patient_import', 'patient_import_row']::regclass[]) AS t;
--> statement-breakpoint
-- hand-written: staged import rows hold patient data and live at most a day, whichever clinic they belong to.
-- The runtime role sees one clinic at a time, so the purge runs as the owner (who must bypass row-level
-- security, as for backups: README); it takes no input and only deletes expired imports (their rows cascade).
CREATE OR REPLACE FUNCTION purge_expired_patient_imports() RETURNS integer
  LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH gone AS (DELETE FROM public.patient_import WHERE expires_at < now() RETURNING 1) SELECT count(*)::int FROM gone
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION purge_expired_patient_imports() FROM PUBLIC;
