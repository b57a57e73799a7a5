"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/runtime";
import { redirectWithFlash } from "@/lib/actions/flash";
import { validatedAction } from "@/lib/actions/validated";
import { isUuid } from "@/lib/errors";
import { linkEnquiryToPatient } from "@/lib/enquiries/mutations";
import { createPatient, setPatientArchived, updatePatient } from "./mutations";
import { archivePatientSchema, patientFormSchema, patientUpdateSchema } from "./schemas";

export const createPatientAction = validatedAction(patientFormSchema, async (input, scope, formData) => {
  const db = await getDb(scope);
  // Converted from an enquiry (/enquiries): the enquiry is linked to the new patient in the same transaction.
  const enquiryId = formData.get("enquiryId");
  const id = await db.transaction(async (tx) => {
    const patientId = await createPatient(tx, scope, input);
    if (typeof enquiryId === "string" && isUuid(enquiryId)) await linkEnquiryToPatient(tx, scope, enquiryId, patientId);
    return patientId;
  });
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
