import { z } from "zod";
import { BAND_COLOURS, DOSE_SIDES } from "./vocabulary";

/**
 * The dose of one programme item. Values arrive from forms as strings, so
 * numbers are coerced; a blank optional field means "not used" (null).
 * Limits are input sanity bounds, not clinical advice.
 */

// The lists live in vocabulary.ts (no zod there), so forms in the browser can show them.
export { BAND_COLOURS, DOSE_SIDES, type BandColour, type DoseSide } from "./vocabulary";

const blankToNull = (value: unknown) =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "") ? null : value;

function wholeNumber(label: string, min: number, max: number, rangeMessage: string) {
  return z.coerce
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(min, rangeMessage)
    .max(max, rangeMessage);
}

const sets = z.coerce
  .number({ error: "Sets must be a number" })
  .int("Sets must be a whole number")
  .min(1, "Sets must be at least 1")
  .max(20, "Sets must be 20 or fewer");

const reps = z.preprocess(blankToNull, wholeNumber("Reps", 1, 100, "Reps must be between 1 and 100").nullable());

const holdSeconds = z.preprocess(
  blankToNull,
  wholeNumber("Hold", 1, 600, "Hold must be between 1 and 600 seconds").nullable(),
);

const weight = (unit: "kg" | "lb") =>
  z.object({
    unit: z.literal(unit),
    value: z.coerce
      .number({ error: "Load must be a number" })
      .min(0, "Load cannot be negative")
      .max(500, `Load must be 500 ${unit} or less`),
  });

export const loadSchema = z.discriminatedUnion(
  "unit",
  [
    weight("kg"),
    weight("lb"),
    z.object({
      unit: z.literal("band"),
      colour: z.enum(BAND_COLOURS, { error: "Choose a band colour from the list" }),
    }),
    z.object({
      unit: z.literal("rpe"),
      value: z.coerce
        .number({ error: "RPE must be a number" })
        .min(1, "RPE must be between 1 and 10")
        .max(10, "RPE must be between 1 and 10"),
    }),
  ],
  { error: "Load unit must be kg, lb, band or RPE" },
);
export type ExerciseLoad = z.infer<typeof loadSchema>;

export const exerciseDoseSchema = z.object({
  sets,
  reps,
  holdSeconds,
  load: loadSchema.optional(),
  timesPerDay: wholeNumber("Times per day", 1, 10, "Times per day must be between 1 and 10"),
  daysPerWeek: wholeNumber("Days per week", 1, 7, "Days per week must be between 1 and 7"),
  side: z.enum(DOSE_SIDES, { error: "Side must be left, right, both or not applicable" }).default("na"),
  notes: z.string().trim().max(500, "Notes must be 500 characters or fewer").optional(),
});

export type ExerciseDose = z.output<typeof exerciseDoseSchema>;
export type ExerciseDoseInput = z.input<typeof exerciseDoseSchema>;

/** The part of a dose a catalogue entry supplies by default. */
export type DefaultDose = Pick<ExerciseDose, "sets" | "reps" | "holdSeconds" | "timesPerDay" | "daysPerWeek">;
