"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/runtime";
import { validatedAction } from "@/lib/actions/validated";
import { getCurrentUser } from "@/lib/auth/current-user";
import { RuleError } from "@/lib/errors";
import { todayIn } from "@/lib/format";
import { recordFlag, resolveFlag } from "./mutations";
import { recordFlagSchema, resolveFlagSchema } from "./schemas";

export const recordFlagAction = validatedAction(recordFlagSchema, async (input, scope) => {
  const { timeZone } = await getCurrentUser(scope);
  if (input.notedOn > todayIn(timeZone)) throw new RuleError("The date cannot be in the future", "notedOn");
  const db = await getDb(scope);
  await db.transaction((tx) => recordFlag(tx, scope, input));
  revalidatePath(`/patients/${input.patientId}`, "layout");
  return { ok: true, message: "Recorded." };
});

export const resolveFlagAction = validatedAction(resolveFlagSchema, async ({ patientId, flagId }, scope) => {
  const db = await getDb(scope);
  await db.transaction((tx) => resolveFlag(tx, scope, patientId, flagId));
  revalidatePath(`/patients/${patientId}`, "layout");
  return { ok: true, message: "Marked resolved. It stays in the history." };
});
