import { describe, expect, it } from "vitest";
import { BUILT_IN_EXERCISES } from "@/lib/clinical/exercise-catalogue";
import { BUILT_IN_LIBRARY, describeDose, exerciseToFormValues, filterLibrary, formatExerciseRef, parseExerciseRef, splitLines, type LibraryFilter } from "@/lib/exercises/library";
import { exerciseFormSchema } from "@/lib/exercises/schemas";

const none: LibraryFilter = { q: "", category: "", muscle: "", pattern: "", source: "all", archived: false };

describe("exercise refs", () => {
  it("reads built-in and clinic refs and refuses anything else", () => {
    expect(parseExerciseRef("built-in:glute-bridge")).toEqual({ kind: "built-in", slug: "glute-bridge" });
    const id = "0b0e5c3c-4f5a-4a5b-9c1d-2e3f4a5b6c7d";
    expect(parseExerciseRef(`clinic:${id}`)).toEqual({ kind: "clinic", id });
    expect(formatExerciseRef({ kind: "clinic", id })).toBe(`clinic:${id}`);
    for (const bad of ["glute-bridge", "builtin:x", "clinic:", "built-in:Glute Bridge", "built-in:a;drop"]) expect(parseExerciseRef(bad)).toBeNull();
  });
});

describe("filterLibrary", () => {
  it("holds every built-in, sorted by name", () => {
    const all = filterLibrary(BUILT_IN_LIBRARY, none);
    expect(all).toHaveLength(BUILT_IN_EXERCISES.length);
    expect(all.map((e) => e.name)).toEqual([...all.map((e) => e.name)].sort((a, b) => a.localeCompare(b, "en-GB")));
  });

  it("searches names by every word in any order, case-insensitively", () => {
    expect(filterLibrary(BUILT_IN_LIBRARY, { ...none, q: "STRETCH hamstring" }).map((e) => e.key).sort()).toEqual([
      "seated-hamstring-stretch",
      "standing-hamstring-stretch",
      "supine-hamstring-stretch",
    ]);
  });

  it("filters by category, muscle and pattern together", () => {
    const result = filterLibrary(BUILT_IN_LIBRARY, { ...none, category: "stretch", muscle: "hip-flexors", pattern: "hip-flexor-glute" });
    expect(result.length).toBeGreaterThan(0);
    for (const e of result) {
      expect(e.category).toBe("stretch");
      expect(e.targetMuscles).toContain("hip-flexors");
      expect(e.patterns).toContain("hip-flexor-glute");
    }
  });

  it("shows archived clinic exercises only when asked, and filters by source", () => {
    const archived = { ...BUILT_IN_LIBRARY[0]!, ref: "clinic:x", source: "clinic" as const, archived: true };
    expect(filterLibrary([...BUILT_IN_LIBRARY, archived], none)).not.toContain(archived);
    expect(filterLibrary([...BUILT_IN_LIBRARY, archived], { ...none, archived: true })).toEqual([archived]);
    expect(filterLibrary(BUILT_IN_LIBRARY, { ...none, source: "clinic" })).toEqual([]);
  });
});

describe("describeDose", () => {
  it("says sets, reps or holds and frequency in words", () => {
    expect(describeDose({ sets: 3, reps: 10, holdSeconds: null, timesPerDay: 1, daysPerWeek: 3 })).toBe("3 x 10, once a day, 3 days a week");
    expect(describeDose({ sets: 3, reps: null, holdSeconds: 30, timesPerDay: 2, daysPerWeek: 7 })).toBe("3 x 30 s hold, twice a day, every day");
    expect(describeDose({ sets: 2, reps: 8, holdSeconds: 5, timesPerDay: 3, daysPerWeek: 1 })).toBe("2 x 8, hold 5 s, 3 times a day, 1 day a week");
    expect(describeDose({ sets: 1, reps: null, holdSeconds: null, timesPerDay: 1, daysPerWeek: 5 })).toBe("once a day, 5 days a week");
  });
});

describe("copying a built-in into the clinic form", () => {
  it("round-trips every built-in through the exercise form schema", () => {
    for (const entry of BUILT_IN_LIBRARY) {
      const values = exerciseToFormValues(entry);
      const parsed = exerciseFormSchema.safeParse({ ...values, targetMuscles: splitList(values.targetMuscles), patterns: splitList(values.patterns), equipment: splitList(values.equipment), basedOn: entry.key });
      expect(parsed.success, entry.key).toBe(true);
      if (parsed.success) {
        expect(parsed.data.commonErrors).toEqual(entry.commonErrors);
        expect(splitLines(parsed.data.instructions)).toEqual(entry.instructions);
      }
    }
  });
});

function splitList(v: string | undefined) {
  return v ? v.split(",") : [];
}
