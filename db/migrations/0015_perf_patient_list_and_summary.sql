CREATE TABLE "patient_count" (
	"clinic_id" uuid PRIMARY KEY NOT NULL,
	"active" integer DEFAULT 0 NOT NULL,
	"archived" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
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
ALTER TABLE "patient_count" ADD CONSTRAINT "patient_count_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_summary" ADD CONSTRAINT "patient_summary_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_summary" ADD CONSTRAINT "patient_summary_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summary_state" ADD CONSTRAINT "summary_state_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patient_summary_clinic_idx" ON "patient_summary" USING btree ("clinic_id","patient_id");--> statement-breakpoint
CREATE INDEX "patient_clinic_name_order_idx" ON "patient" USING btree ("clinic_id","last_name","first_name","id","archived_at");--> statement-breakpoint
-- hand-written: the per-clinic patient count, kept in the transaction of every insert, archive, restore and delete.
SELECT enable_tenant_rls('patient_count'::regclass);--> statement-breakpoint
CREATE OR REPLACE FUNCTION patient_count_add(clinic uuid, archived boolean, delta integer) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO patient_count AS c (clinic_id, active, archived)
  VALUES (clinic, CASE WHEN archived THEN 0 ELSE delta END, CASE WHEN archived THEN delta ELSE 0 END)
  ON CONFLICT (clinic_id) DO UPDATE SET active = c.active + excluded.active, archived = c.archived + excluded.archived
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION patient_count_keep() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM patient_count_add(OLD.clinic_id, OLD.archived_at IS NOT NULL, -1); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM patient_count_add(NEW.clinic_id, NEW.archived_at IS NOT NULL, 1); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER patient_count_insert_delete AFTER INSERT OR DELETE ON patient FOR EACH ROW EXECUTE FUNCTION patient_count_keep();--> statement-breakpoint
CREATE TRIGGER patient_count_update AFTER UPDATE OF archived_at, clinic_id ON patient FOR EACH ROW
  WHEN ((OLD.archived_at IS NULL) IS DISTINCT FROM (NEW.archived_at IS NULL) OR OLD.clinic_id IS DISTINCT FROM NEW.clinic_id)
  EXECUTE FUNCTION patient_count_keep();--> statement-breakpoint
-- The counts of the patients already there. Row-level security is forced (0009) and holds for the owner
-- too; with no clinic set the backfill would see nothing, so it is lifted for this one statement.
ALTER TABLE "patient" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "patient_count" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
INSERT INTO patient_count (clinic_id, active, archived)
  SELECT clinic_id, count(*) FILTER (WHERE archived_at IS NULL), count(*) FILTER (WHERE archived_at IS NOT NULL) FROM patient GROUP BY clinic_id
  ON CONFLICT (clinic_id) DO UPDATE SET active = excluded.active, archived = excluded.archived;--> statement-breakpoint
ALTER TABLE "patient_count" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "patient" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- hand-written: both tables are the clinic's own, under the same policy as every tenant table.
-- No backfill here: a clinic without a summary_state row is rebuilt (lib/summaries) before its dashboard is next read.
SELECT enable_tenant_rls(t) FROM unnest(ARRAY['patient_summary', 'summary_state']::regclass[]) AS t;
