ALTER TABLE "patient_summary" ADD COLUMN "enough_sessions_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patient_summary" ADD COLUMN "practitioner_id" uuid;--> statement-breakpoint
ALTER TABLE "patient_summary" ADD COLUMN "archived" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_summary" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patient_summary" ADD COLUMN "patterns" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_summary" ADD COLUMN "not_improving_from" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patient_summary" ADD COLUMN "reassessment_due" integer;--> statement-breakpoint
ALTER TABLE "patient_summary" ADD COLUMN "review_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patient_summary" ADD COLUMN "assessment_overdue_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patient_summary" ADD COLUMN "due_from" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patient_summary" ADD COLUMN "adherence" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_summary" ADD COLUMN "low_adherence_week" date;--> statement-breakpoint
CREATE INDEX "patient_summary_not_improving_idx" ON "patient_summary" USING btree ("clinic_id","practitioner_id","not_improving_from","first_assessed_at","last_assessed_at","active_programme","course_status","patient_id") WHERE not archived and not_improving_from is not null;--> statement-breakpoint
CREATE INDEX "patient_summary_clinic_not_improving_idx" ON "patient_summary" USING btree ("clinic_id","not_improving_from","first_assessed_at","last_assessed_at","active_programme","course_status","patient_id") WHERE not archived and not_improving_from is not null;--> statement-breakpoint
CREATE INDEX "patient_summary_due_idx" ON "patient_summary" USING btree ("clinic_id","practitioner_id","due_from","reassessment_due","review_due_at","assessment_overdue_at","last_assessed_at","active_programme","course_status","patient_id") WHERE not archived and due_from is not null;--> statement-breakpoint
CREATE INDEX "patient_summary_clinic_due_idx" ON "patient_summary" USING btree ("clinic_id","due_from","reassessment_due","review_due_at","assessment_overdue_at","last_assessed_at","active_programme","course_status","patient_id") WHERE not archived and due_from is not null;--> statement-breakpoint
CREATE INDEX "patient_summary_low_adherence_idx" ON "patient_summary" USING btree ("clinic_id","practitioner_id","low_adherence_week","patient_id") WHERE not archived and low_adherence_week is not null;--> statement-breakpoint
CREATE INDEX "patient_summary_clinic_low_adherence_idx" ON "patient_summary" USING btree ("clinic_id","low_adherence_week","patient_id") WHERE not archived and low_adherence_week is not null;--> statement-breakpoint
CREATE INDEX "patient_summary_completed_idx" ON "patient_summary" USING btree ("clinic_id","practitioner_id","completed_at","improved","patterns") WHERE completed_at is not null;--> statement-breakpoint
CREATE INDEX "patient_summary_clinic_completed_idx" ON "patient_summary" USING btree ("clinic_id","completed_at","practitioner_id","improved","patterns") WHERE completed_at is not null;--> statement-breakpoint
-- hand-written: the summary row's copy of its patient's practitioner and archive state, kept in the
-- transaction of every change of them (edits, archive and restore, bulk reassignments alike).
CREATE OR REPLACE FUNCTION patient_summary_follow_patient() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE patient_summary SET practitioner_id = NEW.practitioner_id, archived = NEW.archived_at IS NOT NULL
    WHERE patient_id = NEW.id AND clinic_id = NEW.clinic_id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER patient_summary_follow_patient AFTER UPDATE OF practitioner_id, archived_at ON patient FOR EACH ROW
  WHEN (OLD.practitioner_id IS DISTINCT FROM NEW.practitioner_id OR (OLD.archived_at IS NULL) IS DISTINCT FROM (NEW.archived_at IS NULL))
  EXECUTE FUNCTION patient_summary_follow_patient();--> statement-breakpoint
-- Backfill: the new columns are computed by lib/summaries (the outcome model and the caseload rules), not by
-- SQL, so every clinic's summaries are marked incomplete here and rebuilt before its dashboard is next read;
-- `npm run db:rebuild-summaries` right after migrating does it up front (about 35 s for the 50,000-patient
-- scale data set). Row-level security is forced (0009) and holds for the owner too, so it is lifted for
-- this one statement, as in 0015.
ALTER TABLE "summary_state" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
DELETE FROM summary_state;--> statement-breakpoint
ALTER TABLE "summary_state" FORCE ROW LEVEL SECURITY;
