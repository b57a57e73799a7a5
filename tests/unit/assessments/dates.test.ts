import { describe, expect, it } from "vitest";
import { isFutureDate, toAssessedAt, toAssessmentDate } from "@/lib/assessments/dates";

describe("assessment dates in the clinic's zone", () => {
  const now = new Date("2026-07-10T22:30:00Z"); // 23:30 in London (BST), already 11 July in Auckland

  it("uses now for today, and noon local time for an earlier day", () => {
    expect(toAssessedAt("2026-07-10", "Europe/London", now)).toEqual(now);
    expect(toAssessedAt("2026-07-01", "Europe/London", now).toISOString()).toBe("2026-07-01T11:00:00.000Z");
    expect(toAssessedAt("2026-01-05", "Europe/London", now).toISOString()).toBe("2026-01-05T12:00:00.000Z");
    expect(toAssessedAt("2026-01-05", "America/New_York", now).toISOString()).toBe("2026-01-05T17:00:00.000Z");
  });

  it("reads the local date back, whatever the zone", () => {
    for (const zone of ["Europe/London", "America/New_York", "Pacific/Auckland"]) {
      expect(toAssessmentDate(toAssessedAt("2026-03-29", zone, now), zone)).toBe("2026-03-29");
    }
  });

  it("judges the future by the clinic's calendar", () => {
    expect(isFutureDate("2026-07-11", "Europe/London", now)).toBe(true);
    expect(isFutureDate("2026-07-11", "Pacific/Auckland", now)).toBe(false);
  });
});
