import type { PatternId } from "@/lib/clinical/patterns";
import type { DefaultDose } from "./dose-schema";
import type { EquipmentId, ExerciseCategory, ExerciseRole, MuscleId } from "./vocabulary";

export type BuiltInExercise = {
  /** Stable id, stored with programme items: never rename. */
  slug: string;
  name: string;
  category: ExerciseCategory;
  targetMuscles: readonly MuscleId[];
  /** Imbalance patterns this exercise serves, in the way `role` says. */
  patterns: readonly PatternId[];
  role: ExerciseRole;
  /**
   * The slug of an easier exercise for the same pattern, offered when a patient finds this one too hard
   * (lib/clinical/alert-swap.ts). Named only where the regression is the textbook one [U: house choice].
   */
  easierVersion?: string;
  /** Empty when nothing is needed. */
  equipment: readonly EquipmentId[];
  defaultDose: DefaultDose;
  /** Two to four short sentences, in the clinic's own words. */
  instructions: readonly string[];
  commonErrors: readonly string[];
};
