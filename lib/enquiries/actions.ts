"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/runtime";
import { validatedAction } from "@/lib/actions/validated";
import { RuleError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db-errors";
import { setEnquiryRetention, setEnquiryStatus } from "./mutations";
import { enquiryPageSchema, saveEnquiryPageSettings } from "./page-settings";
import { replySchema, replyToEnquiry } from "./replies";
import { enquiryStatusSchema, retentionSchema } from "./schemas";

export const setEnquiryStatusAction = validatedAction(enquiryStatusSchema, async ({ enquiryId, status }, scope) => {
  const db = await getDb(scope);
  await db.transaction((tx) => setEnquiryStatus(tx, scope, enquiryId, status));
  revalidatePath("/enquiries");
  revalidatePath("/");
  return { ok: true, message: `Marked ${status}.` };
});

/** Admins only: how long enquiries that never became patients are kept (the hourly purge reads it). */
export const setEnquiryRetentionAction = validatedAction(
  retentionSchema,
  async ({ days }, scope) => {
    const db = await getDb(scope);
    await db.transaction((tx) => setEnquiryRetention(tx, scope, days));
    revalidatePath("/enquiries");
    return { ok: true, message: `Enquiries are now kept for ${days} days.` };
  },
  { admin: true },
);

/** Admins only: the public page's address and the website that may frame it. */
export const saveEnquiryPageAction = validatedAction(
  enquiryPageSchema,
  async (input, scope) => {
    const db = await getDb(scope);
    try {
      await db.transaction((tx) => saveEnquiryPageSettings(tx, scope, input));
    } catch (err) {
      if (isUniqueViolation(err, "clinic_slug_key")) throw new RuleError("Another clinic already uses this address: choose another.", "slug");
      throw err;
    }
    revalidatePath("/settings/enquiries");
    return { ok: true, message: input.slug ? `Saved: your enquiry page is /enquire/${input.slug}.` : "Saved: your public enquiry page is off." };
  },
  { admin: true },
);

/** A reply to an enquirer: an email through the queue, or a note of a phone call; kept on the enquiry. */
export const replyToEnquiryAction = validatedAction(replySchema, async (input, scope) => {
  const db = await getDb(scope);
  const { channel } = await db.transaction((tx) => replyToEnquiry(tx, scope, input));
  revalidatePath("/enquiries");
  revalidatePath("/");
  return { ok: true, message: channel === "email" ? "Reply queued: its delivery shows below and in Settings, Email." : "Call noted on the enquiry." };
});
