import { describe, expect, it } from "vitest";
import { findDueDate, isDueOn } from "@/lib/clinical/questionnaire-schedule";

const programme = { startDate: "2026-03-02", reviewDate: "2026-04-13" };

describe("a questionnaire before each reassessment", () => {
  it("is due a week before the programme's review date, until one is sent for it", () => {
    expect(findDueDate({ rule: "before_review", everyWeeks: null }, programme, null)).toBe("2026-04-06");
    expect(findDueDate({ rule: "before_review", everyWeeks: null }, programme, "2026-03-10")).toBe("2026-04-06");
    expect(findDueDate({ rule: "before_review", everyWeeks: null }, programme, "2026-04-06")).toBeNull();
  });

  it("is never due for a programme without a review date", () => {
    expect(findDueDate({ rule: "before_review", everyWeeks: null }, { ...programme, reviewDate: null }, null)).toBeNull();
  });
});

describe("a questionnaire every N weeks", () => {
  it("counts from the programme's start, then from the last one sent", () => {
    expect(findDueDate({ rule: "every_weeks", everyWeeks: 4 }, programme, null)).toBe("2026-03-30");
    expect(findDueDate({ rule: "every_weeks", everyWeeks: 4 }, programme, "2026-03-31")).toBe("2026-04-28");
    // One sent before the programme began counts from the start.
    expect(findDueDate({ rule: "every_weeks", everyWeeks: 2 }, programme, "2026-02-01")).toBe("2026-03-16");
  });

  it("stays due once the day has come, and not before", () => {
    expect(isDueOn("2026-03-30", "2026-03-29")).toBe(false);
    expect(isDueOn("2026-03-30", "2026-03-30")).toBe(true);
    expect(isDueOn("2026-03-30", "2026-05-01")).toBe(true);
    expect(isDueOn(null, "2026-05-01")).toBe(false);
  });
});
