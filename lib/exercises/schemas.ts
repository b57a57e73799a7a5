import { z } from "zod";
import { nameField } from "@/lib/validation/names";
import { EQUIPMENT, EXERCISE_CATEGORIES, MUSCLES, exerciseDoseSchema, getBuiltInExercise } from "@/lib/clinical/exercise-catalogue";
import { PATTERN_IDS } from "@/lib/clinical/patterns";
import { splitLines } from "./library";
import { plainText, searchText, stringList } from "@/lib/forms/fields";

const MUSCLE_IDS = Object.keys(MUSCLES) as [keyof typeof MUSCLES, ...(keyof typeof MUSCLES)[]];
const EQUIPMENT_IDS = Object.keys(EQUIPMENT) as [keyof typeof EQUIPMENT, ...(keyof typeof EQUIPMENT)[]];

const dose = exerciseDoseSchema.pick({ sets: true, reps: true, holdSeconds: true, timesPerDay: true, daysPerWeek: true });

/** A clinic's own exercise, as typed in the form. */
export const exerciseFormSchema = z
  .object({
    name: nameField({ required: "Enter a name", tooLong: "Name must be at most 120 characters" }, 120),
    category: z.enum(EXERCISE_CATEGORIES, { error: "Choose a category" }),
    targetMuscles: stringList(MUSCLE_IDS, "Choose muscles from the list"),
    patterns: stringList(PATTERN_IDS, "Choose patterns from the list"),
    equipment: stringList(EQUIPMENT_IDS, "Choose equipment from the list"),
    instructions: plainText("Instructions", "multi").min(1, "Enter the instructions the patient will read").max(2000, "Instructions must be at most 2000 characters"),
    commonErrors: plainText("Common errors", "multi")
      .max(2000, "Common errors must be at most 2000 characters")
      .optional()
      .transform((v) => splitLines(v ?? ""))
      .refine((lines) => lines.length <= 10, "List at most 10 common errors, one per line")
      .refine((lines) => lines.every((l) => l.length <= 200), "Keep each common error to 200 characters"),
    basedOn: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || getBuiltInExercise(v) !== undefined, "The built-in exercise to copy was not found"),
  })
  .and(dose);

export type ExerciseInput = z.output<typeof exerciseFormSchema>;

export const exerciseUpdateSchema = z.intersection(
  exerciseFormSchema,
  z.object({ id: z.uuid("Exercise not found"), version: z.coerce.number().int().min(1) }),
);

export const exerciseArchiveSchema = z.object({
  id: z.uuid("Exercise not found"),
  archived: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const libraryParamsSchema = z.object({
  q: searchText.catch(""),
  category: z.enum(EXERCISE_CATEGORIES).or(z.literal("")).catch(""),
  muscle: z.enum(MUSCLE_IDS).or(z.literal("")).catch(""),
  pattern: z.enum(PATTERN_IDS).or(z.literal("")).catch(""),
  source: z.enum(["all", "built-in", "clinic"]).catch("all"),
  archived: z
    .string()
    .optional()
    .transform((v) => v === "1")
    .catch(false),
});
export type LibraryParams = z.output<typeof libraryParamsSchema>;
