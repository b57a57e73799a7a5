import { FUNCTIONAL_EXERCISES } from "./exercises/functional";
import { MOBILITY_EXERCISES } from "./exercises/mobility";
import { POSTURE_ITEMS } from "./exercises/posture";
import { LOWER_STRENGTHEN_EXERCISES } from "./exercises/strengthen-lower";
import { TRUNK_STRENGTHEN_EXERCISES } from "./exercises/strengthen-trunk";
import { UPPER_STRENGTHEN_EXERCISES } from "./exercises/strengthen-upper";
import { STRETCH_EXERCISES } from "./exercises/stretch";
import type { BuiltInExercise } from "./exercises/types";

export { EXERCISE_CATEGORIES, EXERCISE_ROLES, MUSCLES, EQUIPMENT } from "./exercises/vocabulary";
export type { ExerciseCategory, ExerciseRole, MuscleId, EquipmentId } from "./exercises/vocabulary";
export { exerciseDoseSchema, loadSchema, BAND_COLOURS, DOSE_SIDES } from "./exercises/dose-schema";
export type { ExerciseDose, ExerciseDoseInput, ExerciseLoad, DefaultDose, BandColour, DoseSide } from "./exercises/dose-schema";
export type { BuiltInExercise } from "./exercises/types";

/** The built-in library every clinic starts with; clinics add their own beside it. */
export const BUILT_IN_EXERCISES: readonly BuiltInExercise[] = [
  ...TRUNK_STRENGTHEN_EXERCISES,
  ...LOWER_STRENGTHEN_EXERCISES,
  ...UPPER_STRENGTHEN_EXERCISES,
  ...STRETCH_EXERCISES,
  ...MOBILITY_EXERCISES,
  ...FUNCTIONAL_EXERCISES,
  ...POSTURE_ITEMS,
];

const BY_SLUG = new Map(BUILT_IN_EXERCISES.map((exercise) => [exercise.slug, exercise]));

export function getBuiltInExercise(slug: string): BuiltInExercise | undefined {
  return BY_SLUG.get(slug);
}
