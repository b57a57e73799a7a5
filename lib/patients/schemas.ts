import { isAfter, isValid, parseISO } from "date-fns";
import { z } from "zod";
import { nameField } from "@/lib/validation/names";
import { SEXES } from "@/db/schema";
import { roundKg, toKg, WEIGHT_UNITS } from "@/lib/clinical/units";
import { isoDate, optionalText, searchText } from "@/lib/forms/fields";

const today = () => new Date();

export const patientFormSchema = z
  .object({
    firstName: nameField({ label: "First name", required: "Enter a first name", tooLong: "First name must be at most 100 characters" }),
    lastName: nameField({ label: "Last name", required: "Enter a last name", tooLong: "Last name must be at most 100 characters" }),
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
    weightUnit: z.enum(WEIGHT_UNITS, { message: "Choose kg or lb" }).default("kg"),
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
    const kg = v.weight === null ? null : toKg(v.weight, v.weightUnit);
    if (kg !== null && Number.isFinite(kg) && (kg < 2 || kg > 350)) {
      ctx.addIssue({ code: "custom", path: ["weight"], message: "Enter a body weight between 2 and 350 kg (770 lb)" });
    }
  })
  .transform(({ weight, weightUnit, weightDate, ...rest }) => ({
    ...rest,
    weight:
      weight !== null && weightDate !== null
        ? { kg: roundKg(toKg(weight, weightUnit)), measuredOn: weightDate }
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
  // Keyset pages: the id of the patient the page starts after or ends before, or the last page.
  after: z.uuid().nullable().default(null).catch(null),
  before: z.uuid().nullable().default(null).catch(null),
  page: z.enum(["last"]).optional().catch(undefined),
}).transform(({ page, after, before, ...rest }) => ({
  ...rest,
  // One direction at a time: "last" wins, then before, then after.
  last: page === "last",
  before: page === "last" ? null : before,
  after: page === "last" || before !== null ? null : after,
}));
export type PatientListParams = z.output<typeof patientListParamsSchema>;

export const archivePatientSchema = z.object({
  id: z.uuid("Patient not found"),
  archived: z.enum(["true", "false"]).transform((v) => v === "true"),
  reason: optionalText(500, "Reason"),
});
