CREATE TABLE "outbound_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid,
	"recipient" text NOT NULL,
	"purpose" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error_code" text,
	"content" jsonb,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbound_message_attempts_nonnegative" CHECK (attempts >= 0)
);
--> statement-breakpoint
CREATE TABLE "reminder_subscription" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"local_time" text NOT NULL,
	"link_path" text NOT NULL,
	"opt_out_token_hash" text NOT NULL,
	"last_sent_on" text,
	"opted_out_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_subscription_local_time" CHECK (local_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
);
--> statement-breakpoint
ALTER TABLE "outbound_message" ADD CONSTRAINT "outbound_message_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_message" ADD CONSTRAINT "outbound_message_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_subscription" ADD CONSTRAINT "reminder_subscription_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_subscription" ADD CONSTRAINT "reminder_subscription_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbound_message_clinic_created_idx" ON "outbound_message" USING btree ("clinic_id","created_at");--> statement-breakpoint
CREATE INDEX "outbound_message_due_idx" ON "outbound_message" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_subscription_patient_idx" ON "reminder_subscription" USING btree ("clinic_id","patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_subscription_token_idx" ON "reminder_subscription" USING btree ("opt_out_token_hash");--> statement-breakpoint
-- hand-written: outgoing email and reminder opt-ins are tenant tables like the others (migration 0009).
SELECT enable_tenant_rls(t) FROM unnest(ARRAY['outbound_message', 'reminder_subscription']::regclass[]) AS t;
--> statement-breakpoint
-- hand-written: the mail worker and the reminder scheduler run without a clinic. These owner functions
-- (the owner bypasses row-level security, as for the import purge) return ids and schedule facts only,
-- never an address or content; the worker then reads and settles each message inside its own clinic.
CREATE OR REPLACE FUNCTION due_outbound_messages(p_limit integer) RETURNS TABLE (id uuid, clinic_id uuid)
  LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT m.id, m.clinic_id FROM public.outbound_message m
  WHERE m.status IN ('queued', 'retrying') AND m.next_attempt_at <= now()
  ORDER BY m.next_attempt_at LIMIT least(greatest(p_limit, 1), 100)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION due_outbound_messages(integer) FROM PUBLIC;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION active_reminder_subscriptions()
  RETURNS TABLE (id uuid, clinic_id uuid, local_time text, last_sent_on text, time_zone text)
  LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT r.id, r.clinic_id, r.local_time, r.last_sent_on, c.time_zone
  FROM public.reminder_subscription r JOIN public.clinic c ON c.id = r.clinic_id
  WHERE r.opted_out_at IS NULL
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION active_reminder_subscriptions() FROM PUBLIC;
--> statement-breakpoint
-- The public opt-out link knows only its token; its hash finds the one subscription, whichever clinic.
CREATE OR REPLACE FUNCTION reminder_opt_out(p_token_hash text) RETURNS TABLE (id uuid, clinic_id uuid, patient_id uuid)
  LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE public.reminder_subscription r SET opted_out_at = coalesce(r.opted_out_at, now())
  WHERE r.opt_out_token_hash = p_token_hash
  RETURNING r.id, r.clinic_id, r.patient_id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION reminder_opt_out(text) FROM PUBLIC;
