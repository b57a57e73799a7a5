import { z } from "zod";
import { ENQUIRY_STATUSES } from "@/db/schema";

/** The wording the enquirer agrees to, stored with each enquiry with its version: change one, change both. */
export const CONSENT_VERSION = "2026-12-v1";
export const CONSENT_TEXT =
  "I agree that the clinic may contact me by phone or email about this enquiry. The clinic keeps what I send for up to its retention period (90 days unless it has set another) unless I become a patient.";

/** Seconds a person needs at least to fill the form; a faster post is a robot's [U: our choice]. */
export const MIN_FILL_SECONDS = 3;
/** Enquiries from one address per 15-minute window, across all clinics [U: our choice]. */
export const ENQUIRY_ADDRESS_LIMIT = 5;

const trimmed = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);

export const enquirySchema = z.object({
  name: trimmed(120).min(1, "Enter your name."),
  phone: trimmed(40)
    .min(1, "Enter a phone number we can call.")
    .regex(/^\+?[0-9 ()-]{7,}$/, "Enter a phone number of digits, spaces or +, at least 7 digits."),
  email: z.union([z.literal(""), trimmed(254).email("Enter an email address like name@example.com, or leave it empty.")]).optional(),
  concern: trimmed(2000).min(1, "Tell us briefly what is wrong."),
  preferredTimes: trimmed(200).optional(),
  consent: z.literal("yes", { message: "Tick the box so the clinic may contact you." }),
});
export type EnquiryInput = z.infer<typeof enquirySchema>;
export type EnquiryField = keyof EnquiryInput;

export const enquiryStatusSchema = z.object({
  enquiryId: z.string().uuid(),
  status: z.enum(ENQUIRY_STATUSES),
});

export const retentionSchema = z.object({
  days: z.coerce.number().int("Whole days.").min(1, "At least 1 day.").max(3650, "At most 3650 days."),
});
