"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/runtime";
import { redirectWithFlash } from "@/lib/actions/flash";
import { validatedAction } from "@/lib/actions/validated";
import { NotFoundError, RuleError } from "@/lib/errors";
import { linkEnquiryToPatient } from "@/lib/enquiries/mutations";
import { readRequestOrigin } from "@/lib/net/request-origin";
import { emailIntakeLink, sendIntake } from "@/lib/patient-intake/mutations";
import { conversionSchema } from "@/lib/patient-intake/schemas";
import { createPatient, setPatientArchived, updatePatient } from "./mutations";
import { archivePatientSchema, patientFormSchema, patientUpdateSchema } from "./schemas";

export const createPatientAction = validatedAction(patientFormSchema, async (input, scope, formData) => {
  const db = await getDb(scope);
  // Converted from an enquiry (/enquiries): the enquiry is linked to the new patient, and the intake link
  // made and queued by email when asked, all in the one transaction (no email address: nothing is saved).
  const conversion = conversionSchema.safeParse({ enquiryId: formData.get("enquiryId") || undefined, sendIntake: formData.get("sendIntake") || undefined });
  if (!conversion.success) throw new NotFoundError("Enquiry");
  const { enquiryId, sendIntake: wantsIntake } = conversion.data;
  const origin = wantsIntake ? await readRequestOrigin() : "";
  const id = await db.transaction(async (tx) => {
    const patientId = await createPatient(tx, scope, input);
    if (enquiryId) await linkEnquiryToPatient(tx, scope, enquiryId, patientId);
    if (wantsIntake) {
      if (!input.email) throw new RuleError("Enter the patient's email address to send the intake link, or untick “Email an intake link”.", "email");
      const intake = await sendIntake(tx, scope, { patientId });
      await emailIntakeLink(tx, scope, { patientId, token: intake.token, origin });
    }
    return patientId;
  });
  revalidatePath("/patients");
  return redirectWithFlash(`/patients/${id}`, wantsIntake ? "patient-created-intake" : "patient-created");
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
