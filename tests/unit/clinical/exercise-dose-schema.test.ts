import { describe, expect, it } from "vitest";
import { exerciseDoseSchema } from "@/lib/clinical/exercise-catalogue";

const base = { sets: "3", reps: "10", holdSeconds: "", timesPerDay: "1", daysPerWeek: "3" };

function messagesFor(input: Record<string, unknown>): string[] {
  const result = exerciseDoseSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe("exerciseDoseSchema", () => {
  it("coerces form strings and turns blank optional numbers into null", () => {
    expect(exerciseDoseSchema.parse(base)).toEqual({
      sets: 3,
      reps: 10,
      holdSeconds: null,
      timesPerDay: 1,
      daysPerWeek: 3,
      side: "na",
    });
  });

  it.each([
    [{ sets: "0" }, "Sets must be at least 1"],
    [{ sets: "21" }, "Sets must be 20 or fewer"],
    [{ sets: "2.5" }, "Sets must be a whole number"],
    [{ sets: "abc" }, "Sets must be a number"],
    [{ reps: "0" }, "Reps must be between 1 and 100"],
    [{ reps: "101" }, "Reps must be between 1 and 100"],
    [{ holdSeconds: "0" }, "Hold must be between 1 and 600 seconds"],
    [{ holdSeconds: "601" }, "Hold must be between 1 and 600 seconds"],
    [{ timesPerDay: "11" }, "Times per day must be between 1 and 10"],
    [{ daysPerWeek: "8" }, "Days per week must be between 1 and 7"],
    [{ daysPerWeek: "0" }, "Days per week must be between 1 and 7"],
    [{ side: "up" }, "Side must be left, right, both or not applicable"],
    [{ notes: "x".repeat(501) }, "Notes must be 500 characters or fewer"],
  ])("rejects %j with a clear message", (override, message) => {
    expect(messagesFor({ ...base, ...override })).toContain(message);
  });

  it("accepts the limits themselves", () => {
    const edge = { sets: 20, reps: 100, holdSeconds: 600, timesPerDay: 10, daysPerWeek: 7, side: "left", notes: "x".repeat(500) };
    expect(exerciseDoseSchema.safeParse(edge).success).toBe(true);
  });

  describe("load", () => {
    it.each([
      [{ unit: "kg", value: "12.5" }, { unit: "kg", value: 12.5 }],
      [{ unit: "lb", value: 0 }, { unit: "lb", value: 0 }],
      [{ unit: "band", colour: "green" }, { unit: "band", colour: "green" }],
      [{ unit: "rpe", value: "7" }, { unit: "rpe", value: 7 }],
    ])("accepts %j", (load, parsed) => {
      expect(exerciseDoseSchema.parse({ ...base, load }).load).toEqual(parsed);
    });

    it.each([
      [{ unit: "kg", value: -1 }, "Load cannot be negative"],
      [{ unit: "lb", value: 501 }, "Load must be 500 lb or less"],
      [{ unit: "band", colour: "purple" }, "Choose a band colour from the list"],
      [{ unit: "rpe", value: 11 }, "RPE must be between 1 and 10"],
      [{ unit: "rpe", value: 0 }, "RPE must be between 1 and 10"],
      [{ unit: "stone", value: 2 }, "Load unit must be kg, lb, band or RPE"],
    ])("rejects %j", (load, message) => {
      expect(messagesFor({ ...base, load })).toContain(message);
    });

    it("is optional", () => {
      expect(exerciseDoseSchema.parse(base).load).toBeUndefined();
    });
  });
});
