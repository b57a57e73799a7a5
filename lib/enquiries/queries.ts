import { and, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import { clinics, enquiries, type Enquiry } from "@/db/schema";
import type { ClinicScope } from "@/lib/auth/scope-types";

/** The response promise on the public page: a reply within this many hours. */
export const RESPONSE_HOURS = 24;

/** What a public page may know of a clinic: its id, its name, and the one site that may frame its form. */
export type PublicClinic = { clinicId: string; name: string; websiteOrigin: string | null };

/** The clinic a public page names, read before any clinic is known (migration 0018's clinic_by_slug). */
export async function findClinicBySlug(db: Queryable, slug: string): Promise<PublicClinic | null> {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length > 80) return null;
  const [row] = await queryRows<{ clinic_id: string; name: string; website_origin: string | null }>(db, sql`select clinic_id, name, website_origin from clinic_by_slug(${slug})`);
  return row ? { clinicId: row.clinic_id, name: row.name, websiteOrigin: row.website_origin } : null;
}

export type EnquiryClock = { dueAt: Date; overdue: boolean; hoursLeft: number };

/** The 24-hour clock of an enquiry: running while it is new, stopped once someone has answered. */
export function enquiryClock(enquiry: Pick<Enquiry, "receivedAt" | "status">, now = new Date()): EnquiryClock | null {
  if (enquiry.status !== "new") return null;
  const dueAt = new Date(enquiry.receivedAt.getTime() + RESPONSE_HOURS * 3_600_000);
  const hoursLeft = (dueAt.getTime() - now.getTime()) / 3_600_000;
  return { dueAt, overdue: hoursLeft < 0, hoursLeft };
}

export async function listEnquiries(db: Queryable, scope: ClinicScope): Promise<Enquiry[]> {
  return db.select().from(enquiries).where(eq(enquiries.clinicId, scope.clinicId)).orderBy(desc(enquiries.receivedAt)).limit(500);
}

export async function getEnquiry(db: Queryable, scope: ClinicScope, id: string): Promise<Enquiry | null> {
  const [row] = await db.select().from(enquiries).where(and(eq(enquiries.clinicId, scope.clinicId), eq(enquiries.id, id)));
  return row ?? null;
}

/** New enquiries past their 24 hours, for the dashboard. */
export async function countOverdueEnquiries(db: Queryable, scope: ClinicScope, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - RESPONSE_HOURS * 3_600_000).toISOString();
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${enquiries} where ${enquiries.clinicId} = ${scope.clinicId} and ${enquiries.status} = 'new' and ${enquiries.receivedAt} < ${cutoff}::timestamptz`,
  );
  return row?.n ?? 0;
}

export async function getEnquiryRetentionDays(db: Queryable, scope: ClinicScope): Promise<number> {
  const [row] = await db.select({ days: clinics.enquiryRetentionDays }).from(clinics).where(eq(clinics.id, scope.clinicId));
  return row?.days ?? 90;
}
