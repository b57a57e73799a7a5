-- Issue 9: row-level security. Every tenant table admits only the rows of the
-- clinic named by the transaction-local setting app.clinic_id (set by the
-- scoped database handle, db/scoped.ts). With no setting, nothing is visible.
-- FORCE makes the policies hold for the table owner too (superusers and
-- BYPASSRLS roles still bypass them: the app never runs as one).
CREATE OR REPLACE FUNCTION app_clinic_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.clinic_id', true), '')::uuid $$;
--> statement-breakpoint
-- One line per tenant table, here and in later migrations: a table with
-- clinic_id and no policy fails tests/db/row-level-security.test.ts.
CREATE OR REPLACE FUNCTION enable_tenant_rls(t regclass) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', t);
  EXECUTE format('CREATE POLICY tenant_isolation ON %s USING (clinic_id = app_clinic_id()) WITH CHECK (clinic_id = app_clinic_id())', t);
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION enable_tenant_rls(regclass) FROM PUBLIC;
--> statement-breakpoint
SELECT enable_tenant_rls(t) FROM unnest(ARRAY[
  'app_user', 'patient', 'body_weight', 'patient_flag',
  'assessment', 'assessment_revision', 'instrument_result', 'measurement', 'pattern_tag',
  'exercise', 'programme', 'programme_item', 'adherence_entry',
  'decompression_course', 'decompression_session'
]::regclass[]) AS t;
--> statement-breakpoint
-- Tables keyed by user (issue 8: sessions, second factors) carry no clinic_id:
-- a row is visible exactly when its user is, and app_user's own policy
-- admits only the current clinic's users.
CREATE OR REPLACE FUNCTION enable_user_rls(t regclass) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', t);
  EXECUTE format('CREATE POLICY tenant_isolation ON %s USING (EXISTS (SELECT 1 FROM public.app_user u WHERE u.id = user_id AND u.clinic_id = app_clinic_id())) WITH CHECK (EXISTS (SELECT 1 FROM public.app_user u WHERE u.id = user_id AND u.clinic_id = app_clinic_id()))', t);
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION enable_user_rls(regclass) FROM PUBLIC;
--> statement-breakpoint
SELECT enable_user_rls(t) FROM unnest(ARRAY['auth_session', 'mfa_totp', 'mfa_recovery_code', 'passkey']::regclass[]) AS t;
--> statement-breakpoint
-- auth_throttle holds counters keyed by email/address and no clinic data: it is
-- read and written before any clinic is known, so it has no policy (db/grants.ts).
-- The clinic row itself: a clinic sees only itself.
ALTER TABLE clinic ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE clinic FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON clinic USING (id = app_clinic_id()) WITH CHECK (id = app_clinic_id());
--> statement-breakpoint
-- The audit trail: read your clinic's events; append your clinic's, or (with no
-- clinic set, as a failed sign-in for an unknown email) events of no clinic.
-- No UPDATE or DELETE policy: the runtime role has neither grant anyway.
ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_read ON audit_event FOR SELECT USING (clinic_id = app_clinic_id());
--> statement-breakpoint
CREATE POLICY tenant_append ON audit_event FOR INSERT WITH CHECK (clinic_id IS NOT DISTINCT FROM app_clinic_id());
--> statement-breakpoint
-- Sign-in is the one read before any clinic is known. It goes through this
-- function, which answers for one exact email and returns only what checking a
-- password and choosing the first page need; the rest of the account is then
-- read inside that clinic's scope.
-- It runs as the owner (migrating role), whom FORCE would otherwise hold to the
-- policies: the owner alone may read app_user unscoped.
CREATE POLICY owner_sign_in_lookup ON app_user FOR SELECT TO CURRENT_USER USING (true);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sign_in_account(p_email text)
  RETURNS TABLE (user_id uuid, clinic_id uuid, password_hash text, active boolean, must_change_password boolean)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
    SELECT u.id, u.clinic_id, u.password_hash, u.deactivated_at IS NULL, u.must_change_password
    FROM public.app_user u
    WHERE lower(u.email) = lower(p_email)
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION sign_in_account(text) FROM PUBLIC;

--> statement-breakpoint
-- The proxy audits a 404 for a record that exists in another clinic as
-- `denied` (lib/routing/record-check.ts). Under the policies the runtime role
-- cannot see that row, so this function answers one yes/no for one id of one
-- kind of record, outside the current clinic; no clinic set, no answer. The
-- visitor gets the same 404 either way: only the audit trail learns more.
CREATE OR REPLACE FUNCTION record_in_other_clinic(p_kind text, p_id uuid) RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
DECLARE
  t text := CASE p_kind
    WHEN 'patient' THEN 'patient' WHEN 'assessment' THEN 'assessment'
    WHEN 'course' THEN 'decompression_course' WHEN 'session' THEN 'decompression_session'
    WHEN 'programme' THEN 'programme' WHEN 'exercise' THEN 'exercise' END;
  here uuid := public.app_clinic_id();
  found boolean;
BEGIN
  IF t IS NULL OR here IS NULL THEN RETURN false; END IF;
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM public.%I WHERE id = $1 AND clinic_id <> $2)', t) INTO found USING p_id, here;
  RETURN found;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION record_in_other_clinic(text, uuid) FROM PUBLIC;
--> statement-breakpoint
-- As with sign-in: the function runs as the owner, whom FORCE holds to the policies.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['patient', 'assessment', 'decompression_course', 'decompression_session', 'programme', 'exercise'] LOOP
    EXECUTE format('CREATE POLICY owner_record_probe ON public.%I FOR SELECT TO CURRENT_USER USING (true)', t);
  END LOOP;
END $$;
