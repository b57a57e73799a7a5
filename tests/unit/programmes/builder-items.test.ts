import { describe, expect, it } from "vitest";
import { getBuiltInExercise } from "@/lib/clinical/exercise-catalogue";
import { PATTERN_IDS } from "@/lib/clinical/patterns";
import { PATTERN_PLANS } from "@/lib/clinical/programme-suggest";
import { createBuilderItem, fromStoredItem, moveItem, toItemPayload } from "@/lib/programmes/builder-items";
import { describeItemDose, describeLoad } from "@/lib/programmes/describe";
import { draftSuggestedItems } from "@/lib/programmes/draft";
import { programmeItemSchema } from "@/lib/programmes/schemas";
import { isUniqueViolation } from "@/lib/db-errors";

const bridge = getBuiltInExercise("glute-bridge")!;

describe("draftSuggestedItems", () => {
  it.each(PATTERN_IDS)("drafts %s: strengthen, functional, posture and stretch with catalogue doses", (pattern) => {
    const items = draftSuggestedItems([pattern]);
    const plan = PATTERN_PLANS[pattern];
    expect(items.map((i) => i.ref)).toEqual([plan.strengthen, plan.functional, plan.posture, plan.stretch].map((s) => `built-in:${s}`));
    for (const item of items) {
      const exercise = getBuiltInExercise(item.ref.replace("built-in:", ""))!;
      expect(item.name).toBe(exercise.name);
      expect(item.sets).toBe(String(exercise.defaultDose.sets));
      expect(item.reason).toBeTruthy();
      expect(programmeItemSchema.safeParse(toItemPayload(item)).success).toBe(true);
    }
  });

  it("keeps to six items for several patterns, and drafts nothing without one", () => {
    expect(draftSuggestedItems(["hip-flexor-glute", "core-extensor", "scapular-chest"])).toHaveLength(6);
    expect(draftSuggestedItems([])).toEqual([]);
  });
});

describe("builder items", () => {
  it("posts a load as one object the dose schema understands", () => {
    const item = createBuilderItem("k", "built-in:glute-bridge", bridge.name, bridge.defaultDose);
    expect(toItemPayload(item)).not.toHaveProperty("load");
    expect(programmeItemSchema.parse(toItemPayload({ ...item, loadUnit: "band", loadBand: "green" })).load).toEqual({ unit: "band", colour: "green" });
    expect(programmeItemSchema.parse(toItemPayload({ ...item, loadUnit: "kg", loadValue: "7.5" })).load).toEqual({ unit: "kg", value: 7.5 });
    expect(programmeItemSchema.safeParse(toItemPayload({ ...item, loadUnit: "rpe", loadValue: "11" })).error?.issues[0]?.path).toEqual(["load", "value"]);
    expect(programmeItemSchema.safeParse(toItemPayload({ ...item, loadUnit: "band", loadBand: "" })).error?.issues[0]?.path).toEqual(["load", "colour"]);
  });

  it("reads a saved item back into the builder unchanged", () => {
    const stored = {
      builtInSlug: null,
      exerciseId: "0b0e5c3c-4f5a-4a5b-9c1d-2e3f4a5b6c7d",
      sets: 2,
      reps: null,
      holdSeconds: 45,
      loadUnit: "lb" as const,
      loadValue: 10,
      loadBand: null,
      timesPerDay: 2,
      daysPerWeek: 5,
      side: "left" as const,
      notes: "Slowly",
    };
    const item = fromStoredItem("k", "Our stretch", stored);
    expect(item).toMatchObject({ ref: `clinic:${stored.exerciseId}`, sets: "2", reps: "", holdSeconds: "45", loadUnit: "lb", loadValue: "10", side: "left", notes: "Slowly" });
    const back = programmeItemSchema.parse(toItemPayload(item));
    expect(back).toMatchObject({ sets: 2, reps: null, holdSeconds: 45, load: { unit: "lb", value: 10 }, timesPerDay: 2, daysPerWeek: 5, side: "left", notes: "Slowly" });
  });

  it("moves items up and down, and leaves the ends alone", () => {
    expect(moveItem(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveItem(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });
});

describe("describing a dose for the patient", () => {
  const base = { sets: 3, reps: 10, holdSeconds: null, timesPerDay: 1, daysPerWeek: 3, loadUnit: null, loadValue: null, loadBand: null, side: "na" as const };
  it("adds the load and side when there are any", () => {
    expect(describeItemDose(base)).toBe("3 x 10, once a day, 3 days a week");
    expect(describeItemDose({ ...base, loadUnit: "band", loadBand: "red", side: "both" })).toBe("3 x 10, once a day, 3 days a week · red band · both sides");
    expect(describeLoad({ loadUnit: "rpe", loadValue: 6, loadBand: null })).toBe("effort 6/10 (RPE)");
    expect(describeLoad({ loadUnit: "kg", loadValue: 8, loadBand: null })).toBe("8 kg");
  });
});

describe("isUniqueViolation", () => {
  it("finds SQLSTATE 23505 on the error or its cause, by constraint when asked", () => {
    expect(isUniqueViolation({ code: "23505", constraint_name: "programme_one_active_idx" }, "programme_one_active_idx")).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error("wrapped"), { cause: { code: "23505", constraint: "programme_one_active_idx" } }), "programme_one_active_idx")).toBe(true);
    expect(isUniqueViolation({ code: "23505", constraint_name: "other" }, "programme_one_active_idx")).toBe(false);
    expect(isUniqueViolation({ code: "23503" })).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});
