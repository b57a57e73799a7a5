"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/runtime";
import { validatedAction } from "@/lib/actions/validated";
import { setEnquiryStatus } from "./mutations";
import { enquiryStatusSchema } from "./schemas";

export const setEnquiryStatusAction = validatedAction(enquiryStatusSchema, async ({ enquiryId, status }, scope) => {
  const db = await getDb(scope);
  await db.transaction((tx) => setEnquiryStatus(tx, scope, enquiryId, status));
  revalidatePath("/enquiries");
  revalidatePath("/");
  return { ok: true, message: `Marked ${status}.` };
});
