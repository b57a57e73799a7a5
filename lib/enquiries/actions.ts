"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/runtime";
import { validatedAction } from "@/lib/actions/validated";
import { setEnquiryRetention, setEnquiryStatus } from "./mutations";
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
