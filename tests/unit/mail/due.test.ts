import { describe, expect, it } from "vitest";
import { dueReminders, REMINDER_LATE_LIMIT_MS, type ReminderSchedule } from "@/lib/mail/due";
import { jobRetryOptions, errorCode, isPermanent, MAIL_RETRY } from "@/lib/mail/policy";

const sub = (over: Partial<ReminderSchedule> = {}): ReminderSchedule => ({ id: "s", clinicId: "c", localTime: "08:00", lastSentOn: null, timeZone: "Europe/London", ...over });
const due = (s: ReminderSchedule, at: string) => dueReminders([s], new Date(at)).map((d) => d.localDate);

describe("dueReminders", () => {
  it("is due from the clinic-local time, not before, in winter (UTC+0) and summer (UTC+1)", () => {
    expect(due(sub(), "2026-01-15T07:59:00Z")).toEqual([]);
    expect(due(sub(), "2026-01-15T08:00:00Z")).toEqual(["2026-01-15"]);
    expect(due(sub(), "2026-07-15T06:59:00Z")).toEqual([]);
    expect(due(sub(), "2026-07-15T07:00:00Z")).toEqual(["2026-07-15"]);
  });

  it("is not due again on a day already sent", () => {
    expect(due(sub({ lastSentOn: "2026-01-15" }), "2026-01-15T09:00:00Z")).toEqual([]);
    expect(due(sub({ lastSentOn: "2026-01-14" }), "2026-01-15T09:00:00Z")).toEqual(["2026-01-15"]);
  });

  it("skips a reminder more than the late limit after its time", () => {
    const at = new Date(Date.parse("2026-01-15T08:00:00Z") + REMINDER_LATE_LIMIT_MS + 60_000).toISOString();
    expect(due(sub(), at)).toEqual([]);
  });

  it("on the spring-forward day (London 29 March 2026, 01:00 -> 02:00) a 01:30 reminder, which does not exist, goes at 02:30 BST", () => {
    const s = sub({ localTime: "01:30" });
    expect(due(s, "2026-03-29T00:59:00Z")).toEqual([]); // 00:59 GMT
    expect(due(s, "2026-03-29T01:29:00Z")).toEqual([]); // 02:29 BST
    expect(due(s, "2026-03-29T01:30:00Z")).toEqual(["2026-03-29"]); // 02:30 BST
    // 08:00 BST that day is 07:00 UTC.
    expect(due(sub(), "2026-03-29T06:59:00Z")).toEqual([]);
    expect(due(sub(), "2026-03-29T07:00:00Z")).toEqual(["2026-03-29"]);
  });

  it("on the fall-back day (London 25 October 2026) a 01:30 reminder, which occurs twice, is sent once", () => {
    const s = sub({ localTime: "01:30" });
    // The time-zone owner maps 01:30 to its second occurrence (01:30 GMT).
    expect(due(s, "2026-10-25T00:30:00Z")).toEqual([]); // 01:30 BST
    expect(due(s, "2026-10-25T01:30:00Z")).toEqual(["2026-10-25"]); // 01:30 GMT
    // Once recorded for the date, the repeat hour sends nothing.
    expect(due({ ...s, lastSentOn: "2026-10-25" }, "2026-10-25T01:30:00Z")).toEqual([]);
    // 08:00 GMT that day is 08:00 UTC.
    expect(due(sub(), "2026-10-25T07:59:00Z")).toEqual([]);
    expect(due(sub(), "2026-10-25T08:00:00Z")).toEqual(["2026-10-25"]);
  });

  it("uses each clinic's own zone and local date (New York)", () => {
    const s = sub({ timeZone: "America/New_York", localTime: "20:00" });
    // 20:00 EST on 15 January is 01:00 UTC on the 16th: the local date is still the 15th.
    expect(due(s, "2026-01-16T01:00:00Z")).toEqual(["2026-01-15"]);
    expect(due(s, "2026-01-16T00:59:00Z")).toEqual([]);
  });
});

describe("retry policy", () => {
  const p = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 5000 };
  it("becomes pg-boss's options: attempts - 1 retries, doubling from the base (seconds), capped", () => {
    expect(jobRetryOptions(p)).toEqual({ retryLimit: 4, retryDelay: 1, retryBackoff: true, retryDelayMax: 5 });
    expect(jobRetryOptions(MAIL_RETRY)).toEqual({ retryLimit: 4, retryDelay: 60, retryBackoff: true, retryDelayMax: 3600 });
  });
  it("retries at once with a base of 0 (no backoff: pg-boss would raise a zero base to 1 s)", () => {
    expect(jobRetryOptions({ maxAttempts: 2, baseDelayMs: 0, maxDelayMs: 0 })).toEqual({ retryLimit: 1, retryDelay: 0, retryBackoff: false });
  });
  it("keeps only a code of the error, never its text", () => {
    expect(errorCode(Object.assign(new Error("550 no such user x@y"), { responseCode: 550 }))).toBe("smtp_550");
    expect(errorCode(Object.assign(new Error("connect refused"), { code: "ECONNREFUSED" }))).toBe("econnrefused");
    expect(errorCode(new Error("patient@example.com"))).toBe("unknown");
    expect(isPermanent({ responseCode: 550 })).toBe(true);
    expect(isPermanent({ responseCode: 451 })).toBe(false);
  });
});
