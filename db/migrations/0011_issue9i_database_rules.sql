-- Before the one-active-course index: a patient with several active courses in one region (possible before this rule) keeps the newest active; the older ones are stopped, never deleted, and say why.
-- Row-level security is forced (migration 0009) and holds for the owner too; with no clinic set the fix-up would see no rows, so it is lifted for this one statement.
ALTER TABLE "decompression_course" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
UPDATE "decompression_course" AS c SET "status" = 'stopped', "stopped_reason" = 'Stopped when the one-active-course rule was introduced: a newer active course exists for this region.', "version" = c."version" + 1, "updated_at" = now()
WHERE c."status" = 'active' AND EXISTS (
  SELECT 1 FROM "decompression_course" AS n
  WHERE n."clinic_id" = c."clinic_id" AND n."patient_id" = c."patient_id" AND n."region" = c."region" AND n."status" = 'active'
    AND (n."created_at", n."id") > (c."created_at", c."id")
);--> statement-breakpoint
ALTER TABLE "decompression_course" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE UNIQUE INDEX "decompression_course_one_active_idx" ON "decompression_course" USING btree ("clinic_id","patient_id","region") WHERE status = 'active';--> statement-breakpoint
ALTER TABLE "instrument_result" ADD CONSTRAINT "instrument_result_score_in_scale" CHECK (scale_min <= scale_max and score between scale_min and scale_max);--> statement-breakpoint
ALTER TABLE "adherence_entry" ADD CONSTRAINT "adherence_counts_non_negative" CHECK (sessions_done >= 0 and sessions_prescribed >= 0);--> statement-breakpoint
ALTER TABLE "adherence_entry" ADD CONSTRAINT "adherence_pain_range" CHECK (pain_during between 0 and 10);--> statement-breakpoint
ALTER TABLE "exercise" ADD CONSTRAINT "exercise_dose_positive" CHECK (sets > 0 and reps >= 0 and hold_seconds >= 0 and times_per_day > 0 and days_per_week between 1 and 7);--> statement-breakpoint
ALTER TABLE "programme_item" ADD CONSTRAINT "programme_item_dose_positive" CHECK (sets > 0 and reps >= 0 and hold_seconds >= 0 and load_value >= 0 and times_per_day > 0 and days_per_week between 1 and 7);--> statement-breakpoint
ALTER TABLE "decompression_course" ADD CONSTRAINT "decompression_course_counts_positive" CHECK (planned_sessions > 0 and sessions_per_week > 0);--> statement-breakpoint
ALTER TABLE "decompression_session" ADD CONSTRAINT "decompression_session_pain_range" CHECK (nprs_before between 0 and 10 and nprs_after between 0 and 10);--> statement-breakpoint
ALTER TABLE "decompression_session" ADD CONSTRAINT "decompression_session_forces_non_negative" CHECK (max_force_kg >= 0 and min_force_kg >= 0 and min_force_kg <= max_force_kg);--> statement-breakpoint
ALTER TABLE "decompression_session" ADD CONSTRAINT "decompression_session_times_non_negative" CHECK (hold_seconds >= 0 and rest_seconds >= 0 and cycles >= 0 and duration_min >= 0);--> statement-breakpoint
ALTER TABLE "decompression_session" ADD CONSTRAINT "decompression_session_weight_positive" CHECK (body_weight_kg > 0);