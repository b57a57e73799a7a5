import { BUILT_IN_EXERCISES, type BuiltInExercise, type DefaultDose, type ExerciseCategory } from "@/lib/clinical/exercise-catalogue";
import type { Exercise } from "@/db/schema";

/**
 * One list for the library and the programme builder: the built-in catalogue
 * (in code, never edited) beside the clinic's own exercises (in the table).
 * A `ref` names either kind: "built-in:<slug>" or "clinic:<uuid>".
 */
export type LibraryExercise = {
  ref: string;
  source: "built-in" | "clinic";
  /** The slug or the id: the last part of the detail page's URL. */
  key: string;
  name: string;
  category: ExerciseCategory;
  targetMuscles: string[];
  patterns: string[];
  equipment: string[];
  defaultDose: DefaultDose;
  instructions: string[];
  commonErrors: string[];
  basedOn: string | null;
  archived: boolean;
  version: number;
};

export type ExerciseRef = { kind: "built-in"; slug: string } | { kind: "clinic"; id: string };

const REF = /^(built-in|clinic):([a-z0-9-]{1,80})$/;

export function parseExerciseRef(ref: string): ExerciseRef | null {
  const match = REF.exec(ref);
  if (!match) return null;
  const [, kind, key] = match;
  if (!key) return null;
  return kind === "built-in" ? { kind: "built-in", slug: key } : { kind: "clinic", id: key };
}

export function formatExerciseRef(ref: ExerciseRef): string {
  return ref.kind === "built-in" ? `built-in:${ref.slug}` : `clinic:${ref.id}`;
}

export function toLibraryEntry(exercise: BuiltInExercise): LibraryExercise {
  return {
    ref: formatExerciseRef({ kind: "built-in", slug: exercise.slug }),
    source: "built-in",
    key: exercise.slug,
    name: exercise.name,
    category: exercise.category,
    targetMuscles: [...exercise.targetMuscles],
    patterns: [...exercise.patterns],
    equipment: [...exercise.equipment],
    defaultDose: exercise.defaultDose,
    instructions: [...exercise.instructions],
    commonErrors: [...exercise.commonErrors],
    basedOn: null,
    archived: false,
    version: 0,
  };
}

/** Clinic instructions are one text; each non-blank line is a step, like the built-ins' sentences. */
export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

export function clinicToLibraryEntry(row: Exercise): LibraryExercise {
  return {
    ref: `clinic:${row.id}`,
    source: "clinic",
    key: row.id,
    name: row.name,
    category: row.category,
    targetMuscles: row.targetMuscles,
    patterns: row.patterns,
    equipment: row.equipment,
    defaultDose: { sets: row.sets, reps: row.reps, holdSeconds: row.holdSeconds, timesPerDay: row.timesPerDay, daysPerWeek: row.daysPerWeek },
    instructions: splitLines(row.instructions),
    commonErrors: row.commonErrors,
    basedOn: row.basedOn,
    archived: row.archivedAt !== null,
    version: row.version,
  };
}

export const BUILT_IN_LIBRARY: readonly LibraryExercise[] = BUILT_IN_EXERCISES.map(toLibraryEntry);

export type LibraryFilter = {
  q: string;
  category: ExerciseCategory | "";
  muscle: string;
  pattern: string;
  source: "all" | "built-in" | "clinic";
  archived: boolean;
};

/** Name search (any word order, case-insensitive) and filters; sorted by name. */
export function filterLibrary(entries: readonly LibraryExercise[], filter: LibraryFilter): LibraryExercise[] {
  const words = filter.q.toLowerCase().split(/\s+/).filter(Boolean);
  return entries
    .filter((e) => (filter.archived ? e.archived : !e.archived))
    .filter((e) => filter.source === "all" || e.source === filter.source)
    .filter((e) => !filter.category || e.category === filter.category)
    .filter((e) => !filter.muscle || e.targetMuscles.includes(filter.muscle))
    .filter((e) => !filter.pattern || e.patterns.includes(filter.pattern))
    .filter((e) => words.every((w) => e.name.toLowerCase().includes(w)))
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB") || a.ref.localeCompare(b.ref));
}

export { CATEGORY_LABELS } from "@/lib/clinical/exercises/vocabulary";

/** "3 x 10", "3 x 20 s hold" or "3 x 6, hold 5 s": the sets, repetitions and holds of a dose; null with neither. */
export function describeVolume(dose: Pick<DefaultDose, "sets" | "reps" | "holdSeconds">): string | null {
  return dose.reps !== null && dose.holdSeconds !== null
    ? `${dose.sets} x ${dose.reps}, hold ${dose.holdSeconds} s`
    : dose.reps !== null
      ? `${dose.sets} x ${dose.reps}`
      : dose.holdSeconds !== null
        ? `${dose.sets} x ${dose.holdSeconds} s hold`
        : null;
}

/** "3 x 10, once a day, 3 days a week" for a dose. */
export function describeDose(dose: Pick<DefaultDose, "sets" | "reps" | "holdSeconds" | "timesPerDay" | "daysPerWeek">): string {
  const volume = describeVolume(dose);
  const perDay = dose.timesPerDay === 1 ? "once a day" : dose.timesPerDay === 2 ? "twice a day" : `${dose.timesPerDay} times a day`;
  const perWeek = dose.daysPerWeek === 7 ? "every day" : `${dose.daysPerWeek} day${dose.daysPerWeek === 1 ? "" : "s"} a week`;
  return [volume, perDay, perWeek].filter(Boolean).join(", ");
}

/** The form's starting values for an exercise (checkbox lists joined with commas, as the form echoes them). */
export function exerciseToFormValues(e: LibraryExercise): Record<string, string> {
  const n = (v: number | null) => (v === null ? "" : String(v));
  return {
    name: e.name,
    category: e.category,
    targetMuscles: e.targetMuscles.join(","),
    patterns: e.patterns.join(","),
    equipment: e.equipment.join(","),
    sets: n(e.defaultDose.sets),
    reps: n(e.defaultDose.reps),
    holdSeconds: n(e.defaultDose.holdSeconds),
    timesPerDay: n(e.defaultDose.timesPerDay),
    daysPerWeek: n(e.defaultDose.daysPerWeek),
    instructions: e.instructions.join("\n"),
    commonErrors: e.commonErrors.join("\n"),
  };
}
