import { describe, expect, it } from "vitest";
import { calendarHref, getShownRange, listShownDays, readCalendarParams, stepDate } from "@/lib/calendar/range";
import { suggestCourseBooking } from "@/lib/calendar/defaults";

const LONDON = "Europe/London";

describe("the calendar's address", () => {
  it("falls back to today, day view, by practitioner for anything unreadable", () => {
    expect(readCalendarParams({ date: "2026-02-30", view: "month", by: "room" }, "2026-12-02")).toEqual({ date: "2026-12-02", view: "day", by: "practitioner", who: null });
    expect(readCalendarParams({ date: "2026-03-29", view: "week", by: "table", who: "x" }, "2026-12-02")).toEqual({ date: "2026-03-29", view: "week", by: "table", who: "x" });
  });

  it("shows Monday to Sunday of the date's week", () => {
    expect(listShownDays({ date: "2026-12-02", view: "week" })).toEqual(["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"]);
    expect(stepDate({ date: "2026-12-02", view: "week" }, 1)).toBe("2026-12-09");
    expect(calendarHref({ date: "2026-12-02", view: "day", by: "table", who: null })).toBe("/calendar?date=2026-12-02&view=day&by=table");
  });

  it("bounds the 23-hour spring day and the 25-hour autumn day on the wall clock", () => {
    const spring = getShownRange(["2026-03-29"], LONDON);
    expect((spring.to.getTime() - spring.from.getTime()) / 3600_000).toBe(23);
    const autumn = getShownRange(["2026-10-25"], LONDON);
    expect((autumn.to.getTime() - autumn.from.getTime()) / 3600_000).toBe(25);
    expect(autumn.from.toISOString()).toBe("2026-10-24T23:00:00.000Z");
  });
});

describe("what the booking form starts from", () => {
  const course = { sessionsPerWeek: 3, plannedSessions: 12, startDate: "2026-11-30", initialParameters: { durationMin: 15 }, bookingPattern: null };

  it("spreads the course's sessions a week, books what is left, at its session length", () => {
    const out = suggestCourseBooking(course, [{ status: "completed" }, { status: "cancelled" }], [{ id: "t1" }], LONDON, new Date("2026-12-02T09:00:00Z"));
    expect(out).toEqual({ fromDate: "2026-12-02", weekdays: [1, 3, 5], time: "10:00", treatmentTableId: "t1", count: 11, durationMin: 15 });
  });

  it("follows a pattern the course was booked with", () => {
    const pattern = { weekdays: [2, 4], time: "16:30", treatmentTableId: "t2", durationMin: 20 };
    const out = suggestCourseBooking({ ...course, bookingPattern: pattern }, [], [{ id: "t1" }], LONDON, new Date("2026-11-01T09:00:00Z"));
    expect(out).toMatchObject({ fromDate: "2026-11-30", weekdays: [2, 4], time: "16:30", treatmentTableId: "t2", durationMin: 20 });
  });
});
