import { z } from "zod";
import { getWeekStart } from "./rules";
import { isoDate, optionalText, optionalWholeNumber, wholeNumber } from "@/lib/forms/fields";

// Sanity bounds: 10 times a day on 7 days is the most a dose can prescribe
// (exerciseDoseSchema), so a week holds at most 70 sessions.
const MAX_WEEKLY_SESSIONS = 70;

export const adherenceFormSchema = z.object({
  patientId: z.uuid("Patient not found"),
  programmeId: z.uuid("Choose the programme"),
  weekStart: isoDate("a day in the week").transform(getWeekStart), // any day stands for its week (Monday to Sunday)
  sessionsDone: wholeNumber("Sessions done", 0, MAX_WEEKLY_SESSIONS, `Sessions done must be between 0 and ${MAX_WEEKLY_SESSIONS}`),
  sessionsPrescribed: wholeNumber("Sessions prescribed", 1, MAX_WEEKLY_SESSIONS, `Sessions prescribed must be between 1 and ${MAX_WEEKLY_SESSIONS}`),
  // NPRS is an integer 0-10 (clinical-reference.md section 1).
  painDuring: optionalWholeNumber("Pain during exercise", 0, 10, "Pain during exercise is a whole number from 0 to 10"),
  note: optionalText(500, "Note"),
});
export type AdherenceInput = z.output<typeof adherenceFormSchema>;
