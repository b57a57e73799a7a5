import { describe, expect, it } from "vitest";
import { dateTimeFormat, formatDate, formatDateTime, formatInstantDate, todayIn } from "@/lib/format";

describe("date formatting", () => {
  it("builds one formatter per locale and options and reuses it", () => {
    const a = dateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "Europe/London" });
    expect(dateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "Europe/London" })).toBe(a);
    expect(dateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "America/New_York" })).not.toBe(a);
    expect(dateTimeFormat("en-CA", { dateStyle: "medium", timeZone: "Europe/London" })).not.toBe(a);
  });

  it("keeps each clinic's time zone apart when formatters are reused", () => {
    // 23:30 UTC on 1 July is 00:30 on 2 July in London (BST) and 19:30 on 1 July in New York.
    const at = new Date("2026-07-01T23:30:00Z");
    expect(formatInstantDate(at, "Europe/London")).toBe("2 Jul 2026");
    expect(formatInstantDate(at, "America/New_York")).toBe("1 Jul 2026");
    expect(todayIn("Europe/London", at)).toBe("2026-07-02");
    expect(todayIn("America/New_York", at)).toBe("2026-07-01");
    expect(formatDateTime(at, "Europe/London")).toBe("2 Jul 2026, 00:30");
    expect(formatDate("1975-03-14")).toBe("14 Mar 1975");
  });
});
