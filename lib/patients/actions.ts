"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/runtime";
import { redirectWithFlash } from "@/lib/actions/flash";
import { validatedAction } from "@/lib/actions/validated";
import { createPatient, setPatientArchived, updatePatient } from "./mutations";
import { archivePatientSchema, patientFormSchema, patientUpdateSchema } from "./schemas";

export const createPatientAction = validatedAction(patientFormSchema, async (input, scope) => {
  const db = await getDb(scope);
  const id = await db.transaction((tx) => createPatient(tx, scope, input));
  revalidatePath("/patients");
  return redirectWithFlash(`/patients/${id}`, "patient-created");
});

export const updatePatientAction = validatedAction(patientUpdateSchema, async ({ id, version, ...input }, scope) => {
  const db = await getDb(scope);
  await db.transaction((tx) => updatePatient(tx, scope, id, version, input));
  revalidatePath(`/patients/${id}`);
  return redirectWithFlash(`/patients/${id}`, "patient-saved");
});

export const setArchivedAction = validatedAction(archivePatientSchema, async ({ id, archived, reason }, scope) => {
  const db = await getDb(scope);
  await db.transaction((tx) => setPatientArchived(tx, scope, id, archived, reason ?? null));
  revalidatePath("/patients");
  revalidatePath(`/patients/${id}`);
  return { ok: true, message: archived ? "Patient archived. Their records are kept and can be restored." : "Patient restored." };
});
