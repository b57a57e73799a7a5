import { z } from "zod";

/** Make an intake link on the patient page: shown once, and emailed too when asked. */
export const sendIntakeSchema = z.object({
  patientId: z.uuid("Patient not found"),
  delivery: z.enum(["show", "email"], "Choose how to send it"),
});

/** Email the intake link just shown (its token comes back from the staff member's screen). */
export const emailIntakeSchema = z.object({
  patientId: z.uuid("Patient not found"),
  token: z.string().min(1, "Link not found").max(100, "Link not found"),
});

/** What "Convert to patient" adds to the new-patient form: the enquiry it came from, and whether to email an intake link. */
export const conversionSchema = z.object({
  enquiryId: z.uuid("Enquiry not found").optional(),
  sendIntake: z.literal("on").optional(),
});
