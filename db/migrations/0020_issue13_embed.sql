ALTER TABLE "clinic" ADD COLUMN "website_origin" text;--> statement-breakpoint
ALTER TABLE "clinic" ADD CONSTRAINT "clinic_website_origin_shape" CHECK ("clinic"."website_origin" ~ '^https?://[a-z0-9.-]+(:[0-9]{1,5})?$');--> statement-breakpoint
-- hand-written: the public enquiry page also needs the one site that may frame its embeddable variant.
-- The function's result changes shape, so it is dropped and made again (db/grants.ts grants it anew).
DROP FUNCTION IF EXISTS clinic_by_slug(text);
--> statement-breakpoint
CREATE FUNCTION clinic_by_slug(p_slug text)
  RETURNS TABLE (clinic_id uuid, name text, website_origin text)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$ SELECT c.id, c.name, c.website_origin FROM public.clinic c WHERE c.slug = p_slug $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION clinic_by_slug(text) FROM PUBLIC;
