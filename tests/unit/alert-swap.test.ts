import { describe, expect, it } from "vitest";
import { doseWork, lowerDose, suggestSwap, type SwapCandidate, type SwapItem } from "@/lib/clinical/alert-swap";
import { getBuiltInExercise } from "@/lib/clinical/exercise-catalogue";
import { BUILT_IN_LIBRARY } from "@/lib/exercises/library";

const LIBRARY: SwapCandidate[] = BUILT_IN_LIBRARY.map((e) => ({ ref: e.ref, name: e.name, patterns: e.patterns, dose: e.defaultDose }));

function item(slug: string, id: string, dose?: SwapItem["dose"]): SwapItem {
  const e = getBuiltInExercise(slug)!;
  return {
    itemId: id,
    ref: `built-in:${slug}`,
    name: e.name,
    category: e.category,
    patterns: e.patterns,
    dose: dose ?? e.defaultDose,
    easierRef: e.easierVersion ? `built-in:${e.easierVersion}` : null,
  };
}

describe("the swap an alert offers", () => {
  it("steps a dose down by one set, then by about 30 % of the repetitions or the hold", () => {
    expect(lowerDose({ sets: 3, reps: 10, holdSeconds: null })).toEqual({ sets: 2, reps: 10, holdSeconds: null });
    expect(lowerDose({ sets: 1, reps: 10, holdSeconds: null })).toEqual({ sets: 1, reps: 7, holdSeconds: null });
    expect(lowerDose({ sets: 1, reps: null, holdSeconds: 30 })).toEqual({ sets: 1, reps: null, holdSeconds: 21 });
    expect(lowerDose({ sets: 1, reps: 1, holdSeconds: 5 })).toBeNull();
    expect(doseWork({ sets: 3, reps: 6, holdSeconds: 5 })).toBe(90);
  });

  it("offers the catalogue's easier version where it names one (single-leg bridge to glute bridge)", () => {
    const swap = suggestSwap([item("single-leg-bridge", "a"), item("cat-camel", "b")], LIBRARY);
    expect(swap).toMatchObject({ kind: "easier-exercise", itemId: "a", toRef: "built-in:glute-bridge" });
    expect(swap!.toDose).toEqual(getBuiltInExercise("glute-bridge")!.defaultDose);
  });

  it("never calls a harder exercise easier because its default dose is smaller: the glute bridge gets a lower dose, not the single-leg bridge", () => {
    const swap = suggestSwap([item("glute-bridge", "a")], LIBRARY);
    expect(swap).toMatchObject({ kind: "lower-dose", toRef: "built-in:glute-bridge", toDose: { sets: 2, reps: 10 } });
  });

  it("swaps the strengthening exercise with the most work before a stretch with more", () => {
    const stretch = BUILT_IN_LIBRARY.find((e) => e.category === "stretch")!;
    const items: SwapItem[] = [
      { ...item("dead-bug", "small"), dose: { sets: 2, reps: 8, holdSeconds: null } },
      { ...item("pallof-press", "big"), dose: { sets: 3, reps: 12, holdSeconds: null } },
      { itemId: "s", ref: stretch.ref, name: stretch.name, category: "stretch", patterns: stretch.patterns, dose: { sets: 5, reps: null, holdSeconds: 60 } },
    ];
    expect(suggestSwap(items, LIBRARY)).toMatchObject({ itemId: "big", kind: "lower-dose", toDose: { sets: 2, reps: 12 } });
  });

  it("skips an easier version already in the programme, or archived, and then lowers the dose instead", () => {
    const inProgramme = suggestSwap([item("single-leg-bridge", "a"), item("glute-bridge", "b", { sets: 1, reps: 5, holdSeconds: null })], LIBRARY);
    expect(inProgramme).toMatchObject({ kind: "lower-dose", itemId: "a", toRef: "built-in:single-leg-bridge" });
    const archived = suggestSwap([item("single-leg-bridge", "a")], LIBRARY.map((c) => (c.ref === "built-in:glute-bridge" ? { ...c, archived: true } : c)));
    expect(archived).toMatchObject({ kind: "lower-dose" });
  });

  it("offers nothing when every exercise is at its smallest dose", () => {
    expect(suggestSwap([item("dead-bug", "a", { sets: 1, reps: 1, holdSeconds: null })], LIBRARY)).toBeNull();
    expect(suggestSwap([], LIBRARY)).toBeNull();
  });

  it("names only easier versions that exist in the catalogue and serve the same pattern", () => {
    for (const e of BUILT_IN_LIBRARY) {
      const built = getBuiltInExercise(e.key)!;
      if (!built.easierVersion) continue;
      const easier = getBuiltInExercise(built.easierVersion);
      expect(easier, `${e.key} → ${built.easierVersion}`).toBeDefined();
      expect(easier!.patterns.some((p) => built.patterns.includes(p))).toBe(true);
      expect(easier!.category).toBe(built.category);
    }
  });
});
