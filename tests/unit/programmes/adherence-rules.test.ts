import { describe, expect, it } from "vitest";
import { computePrescribedSessions, getPastWeekStart, getWeekEnd, getWeekStart } from "@/lib/adherence/rules";
import { adherenceFormSchema } from "@/lib/adherence/schemas";

describe("computePrescribedSessions", () => {
  it("takes the most demanding exercise and leaves posture advice out", () => {
    expect(
      computePrescribedSessions([
        { timesPerDay: 1, daysPerWeek: 3, category: "strengthen" },
        { timesPerDay: 1, daysPerWeek: 7, category: "stretch" },
        { timesPerDay: 4, daysPerWeek: 5, category: "posture" },
      ]),
    ).toBe(7);
    expect(computePrescribedSessions([{ timesPerDay: 2, daysPerWeek: 5, category: null }])).toBe(10);
    expect(computePrescribedSessions([{ timesPerDay: 1, daysPerWeek: 5, category: "posture" }])).toBe(0);
    expect(computePrescribedSessions([])).toBe(0);
  });
});

describe("weeks", () => {
  it("starts weeks on Monday and finds the past week from any day", () => {
    expect(getWeekStart("2026-03-04")).toBe("2026-03-02"); // Wednesday
    expect(getWeekStart("2026-03-08")).toBe("2026-03-02"); // Sunday belongs to the week before
    expect(getWeekStart("2026-03-02")).toBe("2026-03-02");
    expect(getPastWeekStart("2026-03-04")).toBe("2026-02-23");
    expect(getPastWeekStart("2026-03-02")).toBe("2026-02-23");
    expect(getWeekEnd("2026-02-23")).toBe("2026-03-01");
  });

  it("reads any day of a week as its Monday, and refuses bad counts and pain", () => {
    const base = { patientId: "0b0e5c3c-4f5a-4a5b-9c1d-2e3f4a5b6c7d", programmeId: "1b0e5c3c-4f5a-4a5b-9c1d-2e3f4a5b6c7d", sessionsDone: "3", sessionsPrescribed: "5" };
    expect(adherenceFormSchema.parse({ ...base, weekStart: "2026-02-26" })).toMatchObject({ weekStart: "2026-02-23", sessionsDone: 3, painDuring: null, note: null });
    const bad = adherenceFormSchema.safeParse({ ...base, weekStart: "2026-02-30", sessionsDone: "-1", sessionsPrescribed: "0", painDuring: "10.5" });
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(["painDuring", "sessionsDone", "sessionsPrescribed", "weekStart"]);
  });
});
