import { describe, expect, it } from "vitest";
import { daysBetween, DEFAULT_ALERT_THRESHOLDS, isNotLogging, isPainAlert, isTooHardAlert, trailingTooHardRun } from "@/lib/clinical/alert-rules";

describe("alert rules", () => {
  it("alerts on pain at or above the threshold: the severe NPRS band starts at 7", () => {
    expect(isPainAlert(6, DEFAULT_ALERT_THRESHOLDS)).toBe(false);
    expect(isPainAlert(7, DEFAULT_ALERT_THRESHOLDS)).toBe(true);
    expect(isPainAlert(10, DEFAULT_ALERT_THRESHOLDS)).toBe(true);
    expect(isPainAlert(null, DEFAULT_ALERT_THRESHOLDS)).toBe(false);
    expect(isPainAlert(8, { painAtLeast: 9 })).toBe(false);
  });

  it("counts the run of 'too hard' at the end, passing over sessions without an answer", () => {
    expect(trailingTooHardRun([])).toBe(0);
    expect(trailingTooHardRun(["too_hard"])).toBe(1);
    expect(trailingTooHardRun(["too_hard", "too_hard"])).toBe(2);
    expect(trailingTooHardRun(["too_hard", "about_right", "too_hard"])).toBe(1);
    expect(trailingTooHardRun(["too_hard", null, "too_hard"])).toBe(2);
    expect(trailingTooHardRun(["too_hard", "too_hard", "too_easy"])).toBe(0);
    expect(isTooHardAlert(["too_hard", "too_hard"], DEFAULT_ALERT_THRESHOLDS)).toBe(true);
    expect(isTooHardAlert(["about_right", "too_hard"], DEFAULT_ALERT_THRESHOLDS)).toBe(false);
    expect(isTooHardAlert(["too_hard", "too_hard"], { tooHardRun: 3 })).toBe(false);
  });

  it("calls a programme quiet on the 7th day after the last activity, not the 6th", () => {
    expect(daysBetween("2026-03-01", "2026-03-08")).toBe(7);
    expect(daysBetween("2026-03-28", "2026-04-04")).toBe(7); // across the spring clock change: calendar days
    expect(isNotLogging("2026-03-01", "2026-03-07", DEFAULT_ALERT_THRESHOLDS)).toBe(false);
    expect(isNotLogging("2026-03-01", "2026-03-08", DEFAULT_ALERT_THRESHOLDS)).toBe(true);
    expect(isNotLogging("2026-03-01", "2026-03-04", { notLoggingDays: 3 })).toBe(true);
  });
});
