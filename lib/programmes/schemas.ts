import { z } from "zod";
import { exerciseDoseSchema } from "@/lib/clinical/exercise-catalogue";
import { formToObject } from "@/lib/actions/form-data";
import { blankToNull, isoDate, optionalIsoDate, optionalText, plainText } from "@/lib/forms/fields";

// A hard ceiling on items, well above the 10-item warning (clinical-reference.md
// section 3 warns above 10); 30 is a sanity bound [U].
export const PROGRAMME_MAX_ITEMS = 30;

export const programmeItemSchema = exerciseDoseSchema.extend({
  ref: z.string({ error: "Choose an exercise" }).regex(/^(built-in|clinic):[a-z0-9-]{1,80}$/, "Choose an exercise from the library"),
  // The dose schema lives in lib/clinical (zod only); the shared text rule is added here.
  notes: plainText("Notes", "multi").max(500, "Notes must be 500 characters or fewer").optional(),
});
export type ProgrammeItemInput = z.output<typeof programmeItemSchema>;

export const programmeFormSchema = z
  .object({
    patientId: z.uuid("Patient not found"),
    /** The active programme this one replaces, as the builder saw it (optimistic concurrency). */
    supersedesId: z.preprocess(blankToNull, z.uuid("Programme not found").nullable()),
    supersedesVersion: z.preprocess(blankToNull, z.coerce.number().int().min(1).nullable()),
    goals: optionalText(2000, "Goals").transform((v) => v ?? ""),
    startDate: isoDate("the start date", { planned: true }),
    reviewDate: optionalIsoDate("the review date", { planned: true }),
    items: z
      .array(programmeItemSchema, { error: "Add at least one exercise" })
      .min(1, "Add at least one exercise")
      .max(PROGRAMME_MAX_ITEMS, `A programme can hold at most ${PROGRAMME_MAX_ITEMS} exercises`),
  })
  .superRefine((v, ctx) => {
    if (v.reviewDate !== null && v.reviewDate < v.startDate) {
      ctx.addIssue({ code: "custom", path: ["reviewDate"], message: "The review date cannot be before the start date" });
    }
  });
export type ProgrammeInput = z.output<typeof programmeFormSchema>;

/** The builder posts its items as JSON in one hidden field. */
export function readProgrammeForm(formData: FormData): unknown {
  const raw = formData.get("items");
  let items: unknown;
  try {
    items = typeof raw === "string" && raw ? JSON.parse(raw) : undefined;
  } catch {
    items = undefined;
  }
  return { ...formToObject(formData), items };
}

export const programmeStatusSchema = z
  .object({
    id: z.uuid("Programme not found"),
    version: z.coerce.number().int().min(1),
    status: z.enum(["completed", "stopped"], { error: "Choose completed or stopped" }),
    reason: optionalText(500, "Reason"),
  })
  .superRefine((v, ctx) => {
    if (v.status === "stopped" && !v.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Say why the programme is stopped" });
    }
  });
export type ProgrammeStatusInput = z.output<typeof programmeStatusSchema>;
