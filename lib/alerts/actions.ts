"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/runtime";
import { validatedAction } from "@/lib/actions/validated";
import { acknowledgeAlert, acknowledgeAlertSchema, applyAlertSwap, swapAlertSchema } from "./mutations";
import { alertThresholdsSchema, saveAlertThresholds } from "./thresholds";

function revalidateAlerts(patientId: string) {
  // The shell's count is in the layout: every page shows it.
  revalidatePath("/", "layout");
  revalidatePath(`/patients/${patientId}`);
}

export const acknowledgeAlertAction = validatedAction(acknowledgeAlertSchema, async (input, scope) => {
  const db = await getDb(scope);
  const { patientId } = await db.transaction((tx) => acknowledgeAlert(tx, scope, input));
  revalidateAlerts(patientId);
  return { ok: true, message: "Acknowledged, with your note." };
});

export const swapAlertAction = validatedAction(swapAlertSchema, async (input, scope) => {
  const db = await getDb(scope);
  const { patientId } = await db.transaction((tx) => applyAlertSwap(tx, scope, input));
  revalidateAlerts(patientId);
  revalidatePath(`/patients/${patientId}/programmes`);
  return { ok: true, message: "Swapped: a new version of the programme is in force, on the patient's same link." };
});

export const saveAlertThresholdsAction = validatedAction(
  alertThresholdsSchema,
  async (input, scope) => {
    const db = await getDb(scope);
    await db.transaction((tx) => saveAlertThresholds(tx, scope, input));
    revalidatePath("/settings/clinical");
    return { ok: true, message: `Saved: alerts at pain ${input.painAtLeast} or more, ${input.tooHardRun} "too hard" in a row, ${input.notLoggingDays} days without a session.` };
  },
  { admin: true },
);
