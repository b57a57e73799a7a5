import { isAfter, isValid, parseISO } from "date-fns";
import { z } from "zod";
import { SEXES } from "@/db/schema";
import { isoDate, optionalText, plainText, searchText } from "@/lib/forms/fields";

const KG_PER_LB = 0.45359237; // exact, by the international yard and pound agreement (1959)


const today = () => new Date();

export const patientFormSchema = z
  .object({
    firstName: plainText("First name").min(1, "Enter a first name").max(100, "First name must be at most 100 characters"),
    lastName: plainText("Last name").min(1, "Enter a last name").max(100, "Last name must be at most 100 characters"),
    dateOfBirth: isoDate("the date of birth")
      .refine((v) => !isAfter(parseISO(v), today()), "Date of birth cannot be in the future"),
    sex: z.enum(SEXES, { message: "Choose a sex" }),
    phone: optionalText(40, "Phone", "single").refine((v) => v === null || /^[+()\d\s.-]{5,40}$/.test(v), "Enter a phone number using digits, spaces, + or -"),
    email: optionalText(200, "Email", "single").refine((v) => v === null || z.email().safeParse(v).success, "Enter a valid email address"),
    notes: optionalText(2000, "Notes"),
    weight: z
      .string()
      .trim()
      .transform((v) => (v === "" ? null : Number(v)))
      .refine((v) => v === null || Number.isFinite(v), "Enter the weight as a number"),
    weightUnit: z.enum(["kg", "lb"], { message: "Choose kg or lb" }).default("kg"),
    weightDate: z
      .string()
      .trim()
      .transform((v) => (v === "" ? null : v))
      .refine((v) => v === null || (/^\d{4}-\d{2}-\d{2}$/.test(v) && isValid(parseISO(v))), "Enter the date the weight was measured")
      .refine((v) => v === null || !isAfter(parseISO(v), today()), "The weighing date cannot be in the future")
      .refine((v) => v === null || v >= "1900-01-01", "The weighing date must be after 1900"),
  })
  .superRefine((v, ctx) => {
    if (v.weight !== null && v.weightDate === null) {
      ctx.addIssue({ code: "custom", path: ["weightDate"], message: "Enter the date the weight was measured" });
    }
    if (v.weight !== null && v.weightDate !== null && v.weightDate < v.dateOfBirth) {
      ctx.addIssue({ code: "custom", path: ["weightDate"], message: "The weighing date cannot be before the date of birth" });
    }
    const kg = v.weight !== null && v.weightUnit === "lb" ? v.weight * KG_PER_LB : v.weight;
    if (kg !== null && Number.isFinite(kg) && (kg < 2 || kg > 350)) {
      ctx.addIssue({ code: "custom", path: ["weight"], message: "Enter a body weight between 2 and 350 kg (770 lb)" });
    }
  })
  .transform(({ weight, weightUnit, weightDate, ...rest }) => ({
    ...rest,
    weight:
      weight !== null && weightDate !== null
        ? { kg: Math.round((weightUnit === "lb" ? weight * KG_PER_LB : weight) * 10) / 10, measuredOn: weightDate }
        : null,
  }));

export type PatientInput = z.output<typeof patientFormSchema>;

export const patientUpdateSchema = z.intersection(
  patientFormSchema,
  z.object({ id: z.uuid("Patient not found"), version: z.coerce.number().int().min(1) }),
);

export const patientListParamsSchema = z.object({
  q: searchText.catch(""),
  status: z.enum(["active", "archived", "all"]).catch("active"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type PatientListParams = z.output<typeof patientListParamsSchema>;

export { KG_PER_LB };

export const archivePatientSchema = z.object({
  id: z.uuid("Patient not found"),
  archived: z.enum(["true", "false"]).transform((v) => v === "true"),
  reason: optionalText(500, "Reason"),
});
