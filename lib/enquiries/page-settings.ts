import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable, Transaction } from "@/db/client";
import { clinics } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { ClinicScope, Scope } from "@/lib/auth/scope-types";

const SLUG_MESSAGE = "Use lower-case letters, digits and single hyphens, 3 to 60 characters (for example northside-spine).";

/**
 * The public enquiry page's address, the one site that may frame it, and the
 * phone number enquirers are given. A
 * blank slug turns the page off (it answers 404); the website is kept as an
 * origin, whatever path was pasted.
 */
export const enquiryPageSchema = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .transform((v) => (v === "" ? null : v))
    .pipe(z.string().min(3, SLUG_MESSAGE).max(60, SLUG_MESSAGE).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, SLUG_MESSAGE).nullable()),
  websiteOrigin: z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === "") return null;
      let url: URL;
      try {
        url = new URL(v);
      } catch {
        ctx.addIssue({ code: "custom", message: "Enter the website's address, like https://www.example.com" });
        return z.NEVER;
      }
      if (url.protocol !== "https:" && url.protocol !== "http:") {
        ctx.addIssue({ code: "custom", message: "The address starts with https:// (or http://)" });
        return z.NEVER;
      }
      if (url.username || url.password) {
        ctx.addIssue({ code: "custom", message: "Leave out any user name or password" });
        return z.NEVER;
      }
      return url.origin;
    }),
  phone: z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : v))
    .pipe(z.string().max(40, "At most 40 characters").regex(/^\+?[0-9 ()-]{7,}$/, "Digits, spaces, brackets, hyphens or a leading +, at least 7").nullable()),
});
export type EnquiryPageInput = z.output<typeof enquiryPageSchema>;

export async function getEnquiryPageSettings(db: Queryable, scope: ClinicScope): Promise<EnquiryPageInput> {
  const [row] = await db.select({ slug: clinics.slug, websiteOrigin: clinics.websiteOrigin, phone: clinics.phone }).from(clinics).where(eq(clinics.id, scope.clinicId));
  return row ?? { slug: null, websiteOrigin: null, phone: null };
}

/** Admins set the address and the framing site; audited with the old and new values (neither is personal data). */
export async function saveEnquiryPageSettings(tx: Transaction, scope: Scope, input: EnquiryPageInput): Promise<void> {
  const before = await getEnquiryPageSettings(tx, scope);
  await tx.update(clinics).set({ slug: input.slug, websiteOrigin: input.websiteOrigin, phone: input.phone }).where(eq(clinics.id, scope.clinicId));
  await writeAudit(tx, scope, { action: "update", entity: "clinic", entityId: scope.clinicId, detail: { setting: "enquiry-page", from: before, to: input } });
}
