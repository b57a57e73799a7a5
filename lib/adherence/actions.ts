"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/runtime";
import { validatedAction } from "@/lib/actions/validated";
import { computeAdherencePercent } from "@/lib/clinical/caseload-rules";
import { recordAdherence } from "./mutations";
import { adherenceFormSchema } from "./schemas";

export const recordAdherenceAction = validatedAction(adherenceFormSchema, async (input, scope) => {
  const db = await getDb(scope);
  await db.transaction((tx) => recordAdherence(tx, scope, input));
  revalidatePath(`/patients/${input.patientId}`);
  revalidatePath(`/patients/${input.patientId}/programmes`);
  const percent = computeAdherencePercent(input.sessionsDone, input.sessionsPrescribed);
  return { ok: true, message: `Adherence recorded: ${input.sessionsDone} of ${input.sessionsPrescribed} sessions${percent === null ? "" : ` (${Math.round(percent)} %)`}.` };
});
