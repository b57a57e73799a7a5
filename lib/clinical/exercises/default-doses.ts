import type { DefaultDose } from "./dose-schema";

// Starting doses the practitioner edits per patient. None of these numbers is in
// clinical-reference.md [U]: they are house defaults, chosen to be modest.

// [U] house default: 3 x 10, three days a week.
export const STRENGTH_DOSE: DefaultDose = { sets: 3, reps: 10, holdSeconds: null, timesPerDay: 1, daysPerWeek: 3 };

// [U] house default: 3 holds of 20 s, three days a week.
export const HOLD_DOSE: DefaultDose = { sets: 3, reps: null, holdSeconds: 20, timesPerDay: 1, daysPerWeek: 3 };

// [U] house default: 3 holds of 30 s daily (common teaching; not in clinical-reference.md).
export const STRETCH_DOSE: DefaultDose = { sets: 3, reps: null, holdSeconds: 30, timesPerDay: 1, daysPerWeek: 7 };

// [U] house default: 2 x 10 slow repetitions daily.
export const MOBILITY_DOSE: DefaultDose = { sets: 2, reps: 10, holdSeconds: null, timesPerDay: 1, daysPerWeek: 7 };

// [U] house default: 3 x 8, three days a week.
export const FUNCTIONAL_DOSE: DefaultDose = { sets: 3, reps: 8, holdSeconds: null, timesPerDay: 1, daysPerWeek: 3 };

/** Advice items have no sets or reps: only how often to apply them (sets 1 by convention). */
export function getAdviceDose(timesPerDay: number, daysPerWeek: number): DefaultDose {
  return { sets: 1, reps: null, holdSeconds: null, timesPerDay, daysPerWeek };
}
