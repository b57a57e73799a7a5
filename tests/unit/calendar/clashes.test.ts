import { describe, expect, it } from "vitest";
import { checkCoursePlan, findClashes, findDiaryClashes, proposeAlternative, type Busy, type DiaryContext } from "@/lib/calendar/clashes";
import { localTime, planCourseSlots, slotAt } from "@/lib/calendar/slots";

const LONDON = "Europe/London";
const T1 = "00000000-0000-4000-8000-000000000001";
const T2 = "00000000-0000-4000-8000-000000000002";
const ME = "00000000-0000-4000-8000-0000000000aa";
const OTHER = "00000000-0000-4000-8000-0000000000bb";
const weekdayHours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startsAt: "09:00:00", endsAt: "17:00:00" }));

const ctx = (over: Partial<DiaryContext> = {}): DiaryContext => ({
  timeZone: LONDON,
  practitionerId: ME,
  busy: [],
  closedDays: new Map(),
  hours: weekdayHours,
  tables: [
    { id: T1, name: "Table 1" },
    { id: T2, name: "Table 2" },
  ],
  ...over,
});
const busyAt = (day: string, time: string, table: string | null, practitionerId: string | null, label = "J. Smith"): Busy => ({
  ...slotAt(day, time, 20, table ?? T1, LONDON),
  treatmentTableId: table,
  practitionerId,
  label,
});

describe("clashes", () => {
  const slot = slotAt("2026-02-04", "10:00", 20, T1, LONDON);

  it("finds none on a free slot", () => expect(findClashes(slot, ctx())).toEqual([]));

  it("finds the table booked by someone else's patient", () => {
    expect(findClashes(slot, ctx({ busy: [busyAt("2026-02-04", "10:10", T1, OTHER)] })).map((c) => c.kind)).toEqual(["table"]);
  });

  it("lets back-to-back bookings touch without clashing", () => {
    expect(findClashes(slot, ctx({ busy: [busyAt("2026-02-04", "10:20", T1, OTHER)] }))).toEqual([]);
  });

  it("finds the practitioner busy on another table", () => {
    expect(findClashes(slot, ctx({ busy: [busyAt("2026-02-04", "09:50", T2, ME)] })).map((c) => c.kind)).toEqual(["practitioner"]);
  });

  it("finds a closed day, with its reason", () => {
    const [clash] = findClashes(slot, ctx({ closedDays: new Map([["2026-02-04", "Staff training"]]) }));
    expect(clash).toEqual({ kind: "closed", message: "The clinic is closed on 2026-02-04 (Staff training)" });
  });

  it("finds a slot outside working hours, and one running past their end", () => {
    expect(findClashes(slotAt("2026-02-04", "08:30", 20, T1, LONDON), ctx()).map((c) => c.kind)).toEqual(["hours"]);
    expect(findClashes(slotAt("2026-02-04", "16:50", 20, T1, LONDON), ctx()).map((c) => c.kind)).toEqual(["hours"]);
    expect(findClashes(slotAt("2026-02-07", "10:00", 20, T1, LONDON), ctx())[0]?.message).toContain("not working that day");
  });

  it("checks nothing against hours when none are set", () => {
    expect(findClashes(slotAt("2026-02-07", "07:00", 20, T1, LONDON), ctx({ hours: [] }))).toEqual([]);
  });

  it("reads working hours on the wall clock after the spring change", () => {
    // 30 March 2026 09:00 BST is 08:00 UTC: inside 09:00-17:00 local.
    expect(findClashes(slotAt("2026-03-30", "09:00", 20, T1, LONDON), ctx())).toEqual([]);
    expect(findClashes(slotAt("2026-03-30", "08:45", 20, T1, LONDON), ctx()).map((c) => c.kind)).toEqual(["hours"]);
  });

  it("reads working hours on the wall clock after the autumn change", () => {
    expect(findClashes(slotAt("2026-10-26", "16:40", 20, T1, LONDON), ctx())).toEqual([]);
    expect(findClashes(slotAt("2026-10-26", "16:45", 20, T1, LONDON), ctx()).map((c) => c.kind)).toEqual(["hours"]);
  });
});

describe("proposed alternatives", () => {
  it("offers the other table at the same time when only the table is taken", () => {
    const slot = slotAt("2026-02-04", "10:00", 20, T1, LONDON);
    const alt = proposeAlternative(slot, ctx({ busy: [busyAt("2026-02-04", "10:00", T1, OTHER)] }));
    expect(alt).toEqual({ ...slot, treatmentTableId: T2 });
  });

  it("offers the nearest free time when the practitioner is busy", () => {
    const slot = slotAt("2026-02-04", "10:00", 20, T1, LONDON);
    const alt = proposeAlternative(slot, ctx({ busy: [busyAt("2026-02-04", "10:00", T2, ME)] }));
    expect(alt && localTime(alt.startsAt, LONDON)).toBe("09:30");
    expect(alt && findClashes(alt, ctx({ busy: [busyAt("2026-02-04", "10:00", T2, ME)] }))).toEqual([]);
  });

  it("moves a closed day's session to the next open day at the same time", () => {
    const slot = slotAt("2026-12-25", "10:00", 20, T1, LONDON);
    const alt = proposeAlternative(slot, ctx({ closedDays: new Map([["2026-12-25", "Christmas Day"]]) }));
    expect(alt?.startsAt.toISOString()).toBe("2026-12-28T10:00:00.000Z");
  });

  it("moves a slot before working hours to their start", () => {
    const alt = proposeAlternative(slotAt("2026-02-04", "07:00", 20, T1, LONDON), ctx());
    expect(alt && localTime(alt.startsAt, LONDON)).toBe("09:00");
  });

  it("gives null when two weeks hold no free slot", () => {
    expect(proposeAlternative(slotAt("2026-02-04", "10:00", 20, T1, LONDON), ctx({ hours: [{ weekday: 1, startsAt: "09:00", endsAt: "09:10" }] }))).toBeNull();
  });
});

describe("a whole course", () => {
  it("flags the one clashing session of twelve and keeps the alternatives apart", () => {
    const slots = planCourseSlots({ fromDate: "2026-02-02", weekdays: [1, 3, 5], time: "10:00", durationMin: 20, treatmentTableId: T1, count: 12 }, LONDON);
    const plan = checkCoursePlan(slots, ctx({ busy: [busyAt("2026-02-11", "10:00", T1, OTHER), busyAt("2026-02-11", "10:00", T2, OTHER)] }), "A. Patient");
    const clashing = plan.filter((p) => p.clashes.length > 0);
    expect(clashing).toHaveLength(1);
    expect(clashing[0]!.alternative && localTime(clashing[0]!.alternative.startsAt, LONDON)).toBe("09:30");
    expect(plan.filter((p) => p.clashes.length === 0)).toHaveLength(11);
  });
});

describe("clashes already in the diary", () => {
  it("marks both bookings of a practitioner on two tables at once, and a booking on a closed day", () => {
    const entries = [
      { id: "a", ...busyAt("2026-02-04", "10:00", T1, ME) },
      { id: "b", ...busyAt("2026-02-04", "10:10", T2, ME) },
      { id: "c", ...busyAt("2026-02-04", "12:00", T1, OTHER) },
      { id: "d", ...busyAt("2026-02-05", "12:00", T1, OTHER) },
    ];
    const found = findDiaryClashes(entries, { timeZone: LONDON, closedDays: new Map([["2026-02-05", "Training"]]), hoursOf: () => weekdayHours });
    expect([...found.keys()].sort()).toEqual(["a", "b", "d"]);
    expect(found.get("a")!.map((c) => c.kind)).toEqual(["practitioner"]);
    expect(found.get("d")!.map((c) => c.kind)).toEqual(["closed"]);
  });
});

describe("the past", () => {
  it("refuses a slot that has already started and proposes a later one", () => {
    const slot = slotAt("2026-02-04", "10:00", 20, T1, LONDON);
    const here = ctx({ notBefore: new Date("2026-02-04T11:05:00Z") });
    expect(findClashes(slot, here).map((c) => c.kind)).toEqual(["past"]);
    expect(proposeAlternative(slot, here)?.startsAt.toISOString()).toBe("2026-02-04T11:15:00.000Z");
  });
});
