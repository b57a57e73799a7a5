import { describe, expect, it } from "vitest";
import { getPeriodStart } from "@/lib/dashboard/outcome-periods";
import { periodStart } from "@/lib/period-start";
import { getRangeStart } from "@/lib/progress/range";

describe("periodStart", () => {
  const now = new Date("2026-03-11T12:00:00.000Z");

  it("counts back in calendar months", () => {
    expect(periodStart("3m", now).toISOString()).toBe("2025-12-11T12:00:00.000Z");
    expect(periodStart("6m", now).toISOString()).toBe("2025-09-11T12:00:00.000Z");
    expect(periodStart("1y", now).toISOString()).toBe("2025-03-11T12:00:00.000Z");
    expect(periodStart("2y", now).toISOString()).toBe("2024-03-11T12:00:00.000Z");
  });

  it("clamps to the month's last day (a year before 29 February is 28 February)", () => {
    expect(periodStart("1y", new Date("2028-02-29T09:00:00.000Z")).toISOString()).toBe("2027-02-28T09:00:00.000Z");
  });

  it("is what both the progress range and the clinic-outcomes period use", () => {
    expect(getRangeStart("6m", now)).toEqual(periodStart("6m", now));
    expect(getPeriodStart("2y", now)).toEqual(periodStart("2y", now));
  });
});
