import { describe, expect, it } from "vitest";
import { getBuiltInExercise } from "@/lib/clinical/exercise-catalogue";
import { PATTERN_IDS, type PatternId } from "@/lib/clinical/patterns";
import {
  PATTERN_PLANS,
  PROGRAMME_DEFAULT_MAX_ITEMS,
  PROGRAMME_WARN_ABOVE,
  getProgrammeLengthWarning,
  suggestProgramme,
} from "@/lib/clinical/programme-suggest";

const roleOf = (slug: string) => getBuiltInExercise(slug)?.role;
const roles = (items: { slug: string }[]) => items.map((i) => roleOf(i.slug));

describe("PATTERN_PLANS", () => {
  it.each(PATTERN_IDS)("picks catalogue exercises that serve %s in the right role", (pattern) => {
    const plan = PATTERN_PLANS[pattern];
    const expected = { strengthen: "strengthen-weak", stretch: "stretch-tight", functional: "functional", posture: "posture" } as const;
    for (const kind of ["strengthen", "stretch", "functional", "posture"] as const) {
      const exercise = getBuiltInExercise(plan[kind]);
      expect(exercise, plan[kind]).toBeDefined();
      expect(exercise?.role).toBe(expected[kind]);
      expect(exercise?.patterns).toContain(pattern);
    }
  });
});

describe("suggestProgramme", () => {
  it.each(PATTERN_IDS)("for %s alone: one strengthener, one functional, one posture item, one stretch", (pattern) => {
    const items = suggestProgramme([pattern]);
    expect(items.map((i) => i.slug)).toEqual([
      PATTERN_PLANS[pattern].strengthen,
      PATTERN_PLANS[pattern].functional,
      PATTERN_PLANS[pattern].posture,
      PATTERN_PLANS[pattern].stretch,
    ]);
    expect(roles(items)).toEqual(["strengthen-weak", "functional", "posture", "stretch-tight"]);
    for (const item of items) expect(item.reason.length).toBeGreaterThan(0);
  });

  it("names the pattern in the reason", () => {
    const [first] = suggestProgramme(["hip-flexor-glute"]);
    expect(first?.reason).toContain("Hip flexors / glutes");
  });

  it("fits two patterns completely within the default cap", () => {
    const items = suggestProgramme(["hip-flexor-glute", "hamstring-quadriceps"]);
    expect(items.map((i) => i.slug)).toEqual([
      "glute-bridge",
      "wall-sit",
      "bodyweight-squat",
      "micro-breaks",
      "half-kneeling-hip-flexor-stretch",
      "supine-hamstring-stretch",
    ]);
    expect(items.find((i) => i.slug === "bodyweight-squat")?.reason).toContain("Hamstrings / quadriceps");
  });

  it("with all four patterns: caps at 6, keeps every pattern, a functional and a posture item", () => {
    const items = suggestProgramme([...PATTERN_IDS]);
    expect(items).toHaveLength(PROGRAMME_DEFAULT_MAX_ITEMS);
    expect(new Set(items.map((i) => i.slug)).size).toBe(items.length);
    expect(roles(items)).toEqual(["strengthen-weak", "strengthen-weak", "strengthen-weak", "strengthen-weak", "functional", "posture"]);
    for (const pattern of PATTERN_IDS) {
      expect(items.some((i) => getBuiltInExercise(i.slug)?.patterns.includes(pattern))).toBe(true);
    }
    // The squat serves two patterns, so it wins the functional vote.
    expect(items[4]?.slug).toBe("bodyweight-squat");
  });

  it("gives the caller's first pattern priority in ties and in the stretch round", () => {
    const items = suggestProgramme(["scapular-chest", "core-extensor", "hip-flexor-glute"]);
    expect(items.map((i) => i.slug)).toEqual([
      "band-pull-apart",
      "dead-bug",
      "glute-bridge",
      "farmer-carry",
      "sitting-setup",
      "doorway-pec-stretch",
    ]);
  });

  it("de-duplicates repeated patterns and exercises", () => {
    const items = suggestProgramme(["core-extensor", "core-extensor", "hip-flexor-glute"], { maxItems: 20 });
    expect(new Set(items.map((i) => i.slug)).size).toBe(items.length);
    expect(items).toHaveLength(6);
  });

  it("returns all ten distinct items for four patterns when the cap allows", () => {
    const items = suggestProgramme([...PATTERN_IDS], { maxItems: 20 });
    expect(items).toHaveLength(10);
    expect(new Set(items.map((i) => i.slug)).size).toBe(10);
  });

  it("treats a smaller cap as a prefix of the full priority order", () => {
    const combos: PatternId[][] = [[...PATTERN_IDS], ["hamstring-quadriceps", "scapular-chest"], ["core-extensor"]];
    for (const patterns of combos) {
      const full = suggestProgramme(patterns, { maxItems: 20 });
      for (let cap = 0; cap <= full.length; cap++) {
        expect(suggestProgramme(patterns, { maxItems: cap })).toEqual(full.slice(0, cap));
      }
    }
  });

  it("suggests nothing without a confirmed pattern", () => {
    expect(suggestProgramme([])).toEqual([]);
  });

  it("refuses a negative or fractional cap", () => {
    expect(() => suggestProgramme(["core-extensor"], { maxItems: -1 })).toThrow(RangeError);
    expect(() => suggestProgramme(["core-extensor"], { maxItems: 2.5 })).toThrow(RangeError);
  });
});

describe("getProgrammeLengthWarning", () => {
  it("is silent up to 10 items and warns above", () => {
    expect(PROGRAMME_WARN_ABOVE).toBe(10);
    expect(getProgrammeLengthWarning(0)).toBeNull();
    expect(getProgrammeLengthWarning(7)).toBeNull();
    expect(getProgrammeLengthWarning(10)).toBeNull();
    expect(getProgrammeLengthWarning(11)).toMatch(/11 exercises.*6 or fewer/);
  });
});
