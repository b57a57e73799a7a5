import { isValid, parseISO } from "date-fns";
import { z } from "zod";
import { getSafetyFlag } from "@/lib/clinical/safety";

import { optionalText } from "@/lib/forms/text";

export const recordFlagSchema = z.object({
  patientId: z.uuid("Patient not found"),
  code: z.string().refine((code) => getSafetyFlag(code) !== undefined, "Choose a red flag, contraindication or precaution from the list"),
  notedOn: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date it was noted")
    .refine((v) => isValid(parseISO(v)), "Enter a real date")
    .refine((v) => v >= "1900-01-01", "The date must be after 1900"),
  source: optionalText(200, "Source", "single"),
  note: optionalText(1000, "Note"),
});

export type RecordFlagInput = z.output<typeof recordFlagSchema>;

export const resolveFlagSchema = z.object({
  patientId: z.uuid("Patient not found"),
  flagId: z.uuid("Flag not found"),
});
