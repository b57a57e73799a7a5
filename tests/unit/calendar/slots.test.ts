import { describe, expect, it } from "vitest";
import { localTime, localWeekday, nextPatternSlot, planCourseSlots } from "@/lib/calendar/slots";

const LONDON = "Europe/London";
const T1 = "00000000-0000-4000-8000-000000000001";
const pattern = { weekdays: [1, 3, 5], time: "10:00", durationMin: 20, treatmentTableId: T1 };

describe("planning a course on the clinic's wall clock", () => {
  it("books 12 sessions Monday, Wednesday and Friday at 10:00", () => {
    const slots = planCourseSlots({ ...pattern, fromDate: "2026-02-02", count: 12 }, LONDON);
    expect(slots).toHaveLength(12);
    expect(slots.map((s) => localWeekday(s.startsAt, LONDON))).toEqual([1, 3, 5, 1, 3, 5, 1, 3, 5, 1, 3, 5]);
    expect(slots[0]!.startsAt.toISOString()).toBe("2026-02-02T10:00:00.000Z");
    expect(slots[11]!.endsAt.toISOString()).toBe("2026-02-27T10:20:00.000Z");
  });

  it("keeps 10:00 local across the spring change (29 March 2026: GMT to BST)", () => {
    const slots = planCourseSlots({ ...pattern, fromDate: "2026-03-25", count: 3 }, LONDON);
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual(["2026-03-25T10:00:00.000Z", "2026-03-27T10:00:00.000Z", "2026-03-30T09:00:00.000Z"]);
    expect(slots.every((s) => localTime(s.startsAt, LONDON) === "10:00")).toBe(true);
  });

  it("keeps 10:00 local across the autumn change (25 October 2026: BST to GMT)", () => {
    const slots = planCourseSlots({ ...pattern, fromDate: "2026-10-21", count: 3 }, LONDON);
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual(["2026-10-21T09:00:00.000Z", "2026-10-23T09:00:00.000Z", "2026-10-26T10:00:00.000Z"]);
    expect(slots.every((s) => localTime(s.startsAt, LONDON) === "10:00")).toBe(true);
  });

  it("reads the weekday in the clinic's zone, not the server's", () => {
    // 23:30 Sunday in New York is Monday in UTC.
    const slots = planCourseSlots({ ...pattern, weekdays: [7], time: "23:30", fromDate: "2026-07-01", count: 1 }, "America/New_York");
    expect(slots[0]!.startsAt.toISOString()).toBe("2026-07-06T03:30:00.000Z");
    expect(localWeekday(slots[0]!.startsAt, "America/New_York")).toBe(7);
  });

  it("gives nothing without weekdays", () => {
    expect(planCourseSlots({ ...pattern, weekdays: [], fromDate: "2026-02-02", count: 12 }, LONDON)).toEqual([]);
  });

  it("places a replacement on the pattern's next day after the last session", () => {
    const last = new Date("2026-02-27T10:00:00Z"); // a Friday
    const next = nextPatternSlot(pattern, last, LONDON);
    expect(next.startsAt.toISOString()).toBe("2026-03-02T10:00:00.000Z");
  });
});
