import { getBuiltInExercise } from "@/lib/clinical/exercise-catalogue";
import type { PatternId } from "@/lib/clinical/patterns";
import { suggestProgramme } from "@/lib/clinical/programme-suggest";
import { createBuilderItem, type BuilderItem } from "./builder-items";

/**
 * The builder's starting list for "Suggest programme": the suggestion rule's
 * choices with each exercise's catalogue dose, for the practitioner to edit.
 */
export function draftSuggestedItems(patterns: readonly PatternId[]): BuilderItem[] {
  return suggestProgramme(patterns).flatMap((suggestion, i) => {
    const exercise = getBuiltInExercise(suggestion.slug);
    if (!exercise) return []; // every slug is checked against the catalogue in unit tests
    return [createBuilderItem(`suggested-${i}`, `built-in:${exercise.slug}`, exercise.name, exercise.defaultDose, suggestion.reason)];
  });
}
