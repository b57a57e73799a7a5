CREATE TABLE "enquiry_reply" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"enquiry_id" uuid NOT NULL,
	"template" text NOT NULL,
	"channel" text NOT NULL,
	"body" text NOT NULL,
	"outbound_message_id" uuid,
	"sent_by" uuid,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enquiry_reply_channel_known" CHECK (channel in ('email', 'phone'))
);
--> statement-breakpoint
ALTER TABLE "clinic" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "enquiry_reply" ADD CONSTRAINT "enquiry_reply_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry_reply" ADD CONSTRAINT "enquiry_reply_enquiry_id_enquiry_id_fk" FOREIGN KEY ("enquiry_id") REFERENCES "public"."enquiry"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry_reply" ADD CONSTRAINT "enquiry_reply_sent_by_app_user_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enquiry_reply_enquiry_idx" ON "enquiry_reply" USING btree ("clinic_id","enquiry_id","sent_at");--> statement-breakpoint
ALTER TABLE "clinic" ADD CONSTRAINT "clinic_phone_shape" CHECK ("clinic"."phone" ~ '^\+?[0-9 ()-]{7,40}$');--> statement-breakpoint
-- hand-written: issue 13 item 2, replies kept on the enquiry. A tenant table with the one policy shape (migration 0009).
SELECT enable_tenant_rls('enquiry_reply'::regclass);
--> statement-breakpoint
-- The retention purge (migration 0018) also removes the emails sent to enquirers it deletes: their rows keep
-- the address after sending. The replies themselves go with their enquiry (ON DELETE CASCADE).
CREATE POLICY owner_enquiry_purge_replies ON enquiry_reply FOR SELECT TO CURRENT_USER USING (true);
--> statement-breakpoint
CREATE POLICY owner_enquiry_purge_messages ON outbound_message FOR DELETE TO CURRENT_USER USING (true);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION purge_expired_enquiries() RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  total integer;
BEGIN
  DELETE FROM public.outbound_message m
    USING public.enquiry_reply r, public.enquiry e, public.clinic c
    WHERE m.id = r.outbound_message_id AND r.enquiry_id = e.id AND e.clinic_id = c.id AND e.patient_id IS NULL
      AND e.received_at < now() - make_interval(days => c.enquiry_retention_days);
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
  SELECT coalesce(sum(n), 0)::int INTO total FROM counted;
  RETURN total;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION purge_expired_enquiries() FROM PUBLIC;
