import { describe, expect, it } from "vitest";
import {
  BUILT_IN_EXERCISES,
  EQUIPMENT,
  EXERCISE_CATEGORIES,
  EXERCISE_ROLES,
  MUSCLES,
  exerciseDoseSchema,
  getBuiltInExercise,
} from "@/lib/clinical/exercise-catalogue";
import { PATTERN_IDS } from "@/lib/clinical/patterns";

const REQUIRED_SLUGS = [
  // glutes
  "glute-bridge", "single-leg-bridge", "clamshell", "side-lying-hip-abduction", "hip-thrust", "banded-side-steps",
  // core
  "dead-bug", "bird-dog", "front-plank", "side-plank", "mcgill-curl-up", "pallof-press",
  // hip flexor, hamstring and chest stretches
  "half-kneeling-hip-flexor-stretch", "couch-stretch", "thomas-stretch",
  "supine-hamstring-stretch", "seated-hamstring-stretch", "standing-hamstring-stretch",
  "doorway-pec-stretch", "corner-pec-stretch", "foam-roller-chest-opener",
  // scapular and neck
  "band-pull-apart", "prone-y-t-w", "seated-band-row", "wall-slide", "chin-tuck", "wall-push-up-plus",
  // quadriceps
  "terminal-knee-extension", "wall-sit", "step-up", "split-squat",
  // functional
  "bodyweight-squat", "goblet-squat", "box-squat", "reverse-lunge", "forward-lunge",
  "hip-hinge-dowel", "romanian-deadlift", "kettlebell-deadlift",
  // release and mobility
  "cat-camel", "childs-pose", "knee-to-chest-stretch", "open-book-rotation",
  // posture and ergonomics
  "sitting-setup", "standing-desk-routine", "lifting-technique", "sleeping-position", "micro-breaks",
];

const sentenceCount = (text: string) => text.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 0).length;

describe("built-in exercise catalogue", () => {
  it("has at least 44 exercises with unique kebab-case slugs", () => {
    expect(BUILT_IN_EXERCISES.length).toBeGreaterThanOrEqual(44);
    const slugs = BUILT_IN_EXERCISES.map((e) => e.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("contains every exercise the clinic asked for", () => {
    const missing = REQUIRED_SLUGS.filter((slug) => getBuiltInExercise(slug) === undefined);
    expect(missing).toEqual([]);
  });

  it.each(PATTERN_IDS)("offers %s at least one stretch for the tight side and one strengthener for the weak side", (pattern) => {
    const serving = BUILT_IN_EXERCISES.filter((e) => e.patterns.includes(pattern));
    expect(serving.some((e) => e.role === "stretch-tight")).toBe(true);
    expect(serving.some((e) => e.role === "strengthen-weak")).toBe(true);
  });

  it("uses only the fixed vocabularies", () => {
    for (const e of BUILT_IN_EXERCISES) {
      expect(EXERCISE_CATEGORIES).toContain(e.category);
      expect(EXERCISE_ROLES).toContain(e.role);
      for (const m of e.targetMuscles) expect(Object.keys(MUSCLES)).toContain(m);
      for (const q of e.equipment) expect(Object.keys(EQUIPMENT)).toContain(q);
      for (const p of e.patterns) expect(PATTERN_IDS).toContain(p);
      expect(e.patterns.length, e.slug).toBeGreaterThan(0);
    }
  });

  it("gives every exercise 2-4 instruction sentences and 1-3 common errors", () => {
    for (const e of BUILT_IN_EXERCISES) {
      expect(e.instructions.length, e.slug).toBeGreaterThanOrEqual(2);
      expect(e.instructions.length, e.slug).toBeLessThanOrEqual(4);
      for (const line of e.instructions) expect(sentenceCount(line), `${e.slug}: ${line}`).toBe(1);
      expect(e.commonErrors.length, e.slug).toBeGreaterThanOrEqual(1);
      expect(e.commonErrors.length, e.slug).toBeLessThanOrEqual(3);
    }
  });

  it("names muscles for every exercise except posture advice", () => {
    for (const e of BUILT_IN_EXERCISES.filter((x) => x.category !== "posture")) {
      expect(e.targetMuscles.length, e.slug).toBeGreaterThan(0);
    }
  });

  it("gives every exercise a default dose that passes the programme item schema", () => {
    for (const e of BUILT_IN_EXERCISES) {
      const result = exerciseDoseSchema.safeParse(e.defaultDose);
      expect(result.success, `${e.slug}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
    }
  });

  it("doses posture advice by frequency only", () => {
    const posture = BUILT_IN_EXERCISES.filter((e) => e.category === "posture");
    expect(posture.length).toBeGreaterThanOrEqual(5);
    for (const e of posture) {
      expect(e.role).toBe("posture");
      expect(e.defaultDose).toMatchObject({ sets: 1, reps: null, holdSeconds: null });
    }
  });

  it("keeps category and role consistent", () => {
    const expectedRole = { strengthen: "strengthen-weak", stretch: "stretch-tight", functional: "functional", posture: "posture", mobility: "mobility" };
    for (const e of BUILT_IN_EXERCISES) expect(e.role, e.slug).toBe(expectedRole[e.category]);
  });

  it("returns undefined for an unknown slug", () => {
    expect(getBuiltInExercise("no-such-exercise")).toBeUndefined();
    expect(getBuiltInExercise("dead-bug")?.name).toBe("Dead bug");
  });
});
