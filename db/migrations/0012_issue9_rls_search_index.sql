-- Issue 9: the patient name search under row-level security. The planner uses an
-- index under RLS only for leakproof conditions; lower() and LIKE are not, so the
-- indexes on lower(name) went unused for the runtime role. Stored lower-case
-- columns searched with ^@ (starts_with, leakproof) give an index range again.
DROP INDEX "patient_clinic_last_name_idx";--> statement-breakpoint
DROP INDEX "patient_clinic_first_name_idx";--> statement-breakpoint
ALTER TABLE "patient" ADD COLUMN "first_name_search" text GENERATED ALWAYS AS (lower(first_name)) STORED;--> statement-breakpoint
ALTER TABLE "patient" ADD COLUMN "last_name_search" text GENERATED ALWAYS AS (lower(last_name)) STORED;--> statement-breakpoint
CREATE INDEX "patient_clinic_last_name_search_idx" ON "patient" USING btree ("clinic_id","last_name_search" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "patient_clinic_first_name_search_idx" ON "patient" USING btree ("clinic_id","first_name_search" text_pattern_ops);