CREATE TABLE "enquiry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"email" text,
	"concern" text NOT NULL,
	"preferred_times" text,
	"consent_text" text NOT NULL,
	"consent_version" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"patient_id" uuid,
	"status_changed_by" uuid,
	"status_changed_at" timestamp with time zone,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enquiry_status_known" CHECK (status in ('new', 'contacted', 'booked', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "clinic" ADD COLUMN "slug" text;--> statement-breakpoint
ALTER TABLE "clinic" ADD COLUMN "enquiry_retention_days" integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "enquiry" ADD CONSTRAINT "enquiry_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry" ADD CONSTRAINT "enquiry_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry" ADD CONSTRAINT "enquiry_status_changed_by_app_user_id_fk" FOREIGN KEY ("status_changed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enquiry_clinic_received_idx" ON "enquiry" USING btree ("clinic_id","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "clinic_slug_key" ON "clinic" USING btree ("slug");--> statement-breakpoint
ALTER TABLE "clinic" ADD CONSTRAINT "clinic_slug_shape" CHECK ("clinic"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');--> statement-breakpoint
ALTER TABLE "clinic" ADD CONSTRAINT "clinic_enquiry_retention_range" CHECK ("clinic"."enquiry_retention_days" between 1 and 3650);--> statement-breakpoint
-- hand-written: issue 13, enquiries. A tenant table with the one policy shape (migration 0009).
SELECT enable_tenant_rls('enquiry'::regclass);
--> statement-breakpoint
-- A submission from the public page ("public": nobody signed in, no link) and the retention purge ("system").
ALTER TABLE "audit_event" DROP CONSTRAINT "audit_actor_kind_known";
--> statement-breakpoint
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_actor_kind_known" CHECK (actor_kind in ('staff', 'patient_link', 'public', 'system'));
--> statement-breakpoint
-- The public enquiry page is the one read of a clinic before its clinic is known (like a link's token):
-- this answers for one exact slug with the id and the name only; the enquiry is then written in that clinic's scope.
CREATE POLICY owner_clinic_slug_lookup ON clinic FOR SELECT TO CURRENT_USER USING (true);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION clinic_by_slug(p_slug text)
  RETURNS TABLE (clinic_id uuid, name text)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$ SELECT c.id, c.name FROM public.clinic c WHERE c.slug = p_slug $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION clinic_by_slug(text) FROM PUBLIC;
--> statement-breakpoint
-- Enquiries that never became a patient go after their clinic's retention period, whichever clinic:
-- the runtime role sees one clinic at a time, so the purge runs as the owner. Each clinic's deletion is
-- audited in the same statement as a count (actor "system"), never what the enquiries said.
CREATE POLICY owner_enquiry_purge ON enquiry FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY owner_enquiry_purge_audit ON audit_event FOR INSERT TO CURRENT_USER WITH CHECK (true);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION purge_expired_enquiries() RETURNS integer
  LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH gone AS (
    DELETE FROM public.enquiry e USING public.clinic c
    WHERE e.clinic_id = c.id AND e.patient_id IS NULL
      AND e.received_at < now() - make_interval(days => c.enquiry_retention_days)
    RETURNING e.clinic_id, c.enquiry_retention_days AS days
  ), counted AS (
    SELECT clinic_id, max(days) AS days, count(*)::int AS n FROM gone GROUP BY clinic_id
  ), audited AS (
    INSERT INTO public.audit_event (clinic_id, actor_kind, entity, action, reason, detail)
    SELECT clinic_id, 'system', 'enquiry', 'delete', 'retention',
           jsonb_build_object('count', n, 'retentionDays', days) FROM counted
    RETURNING 1
  )
  SELECT coalesce(sum(n), 0)::int FROM counted
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION purge_expired_enquiries() FROM PUBLIC;
