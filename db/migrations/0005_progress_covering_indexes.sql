DROP INDEX "instrument_result_trend_idx";--> statement-breakpoint
DROP INDEX "measurement_trend_idx";--> statement-breakpoint
CREATE INDEX "instrument_result_series_idx" ON "instrument_result" USING btree ("clinic_id","patient_id","instrument","taken_at","id","score","direction","assessment_id") WHERE superseded_at is null;--> statement-breakpoint
CREATE INDEX "measurement_series_idx" ON "measurement" USING btree ("clinic_id","patient_id","code","side","taken_at","id","value","method","assessment_id") WHERE superseded_at is null;