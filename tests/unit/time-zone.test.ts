import { describe, expect, it } from "vitest";
import { instantToLocal, instantToLocalDate, isLocalDateTime, localToInstant } from "@/lib/time-zone";

const LONDON = "Europe/London";

describe("clinic local time", () => {
  it("reads a London wall-clock time in winter (GMT) and summer (BST)", () => {
    expect(localToInstant("2026-02-03T10:00", LONDON).toISOString()).toBe("2026-02-03T10:00:00.000Z");
    expect(localToInstant("2026-07-03T10:00", LONDON).toISOString()).toBe("2026-07-03T09:00:00.000Z");
    expect(localToInstant("2026-07-03T10:00", "America/New_York").toISOString()).toBe("2026-07-03T14:00:00.000Z");
  });

  it("handles the days the clocks change", () => {
    // 29 March 2026: 01:00 GMT jumps to 02:00 BST; 01:30 does not exist and lands just after the gap.
    expect(localToInstant("2026-03-29T00:30", LONDON).toISOString()).toBe("2026-03-29T00:30:00.000Z");
    expect(localToInstant("2026-03-29T03:00", LONDON).toISOString()).toBe("2026-03-29T02:00:00.000Z");
    expect(instantToLocal(localToInstant("2026-03-29T01:30", LONDON), LONDON)).toMatch(/^2026-03-29T0[12]:30$/);
  });

  it("round-trips instants to the datetime-local format and dates", () => {
    const at = new Date("2026-06-30T23:30:00Z");
    expect(instantToLocal(at, LONDON)).toBe("2026-07-01T00:30");
    expect(instantToLocalDate(at, LONDON)).toBe("2026-07-01");
    expect(localToInstant(instantToLocal(at, LONDON), LONDON).toISOString()).toBe(at.toISOString());
  });

  it("refuses what is not a real local date-time", () => {
    expect(isLocalDateTime("2026-02-30T10:00")).toBe(false);
    expect(isLocalDateTime("2026-02-03 10:00")).toBe(false);
    expect(isLocalDateTime("2026-02-03T24:00")).toBe(false);
    expect(isLocalDateTime("2026-02-03T09:05")).toBe(true);
    expect(() => localToInstant("nonsense", LONDON)).toThrow(RangeError);
  });
});
