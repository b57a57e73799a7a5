import { z } from "zod";
import { SESSION_EFFORTS } from "@/db/schema";
import { isoDate, optionalText, optionalWholeNumber } from "@/lib/forms/fields";

export const shareProgrammeSchema = z.object({ programmeId: z.uuid("Programme not found") });
export const emailLinkSchema = z.object({
  programmeId: z.uuid("Programme not found"),
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "Make the link again, then email it"),
});
export const revokeLinkSchema = z.object({ linkId: z.uuid("Link not found"), programmeId: z.uuid("Programme not found") });

/** One home session from the phone (a form post, or the offline queue's replay of one). */
export const patientSessionSchema = z.object({
  clientId: z.uuid("The session could not be identified: reload the page"),
  doneOn: isoDate("the day of the session"),
  item: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid("Unknown exercise")).max(50)),
  pain: optionalWholeNumber("Pain", 0, 10, "Pain is a whole number from 0 to 10"),
  effort: z.preprocess((v) => (v === "" ? undefined : v), z.enum(SESSION_EFFORTS, "Choose how it felt").optional()).transform((v) => v ?? null),
  note: optionalText(500, "Note"),
});
export type PatientSessionForm = z.output<typeof patientSessionSchema>;

/** The form's fields, with the repeated `item` kept as a list. */
export function readSessionForm(form: URLSearchParams | FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string") continue;
    if (key !== "item") out[key] = value;
    else if (Array.isArray(out.item)) out.item.push(value);
    else out.item = [value];
  }
  return out;
}
