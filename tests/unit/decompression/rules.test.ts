import { describe, expect, it } from "vitest";
import { screenForDecompression } from "@/lib/clinical/safety";
import { describeForce, findUncoveredBlocking, readOverriddenCodes, suggestNextSessionTime, toStoredScreening } from "@/lib/decompression/rules";

const screen = (...codes: string[]) => screenForDecompression({ region: "lumbar", flags: codes.map((code) => ({ code, status: "active" as const })) });

describe("screening before each session", () => {
  it("keeps what a course's override covered and stops for anything new", () => {
    const atStart = screen("spinal-hardware");
    const course = { overrideReason: "Surgeon's letter", screening: toStoredScreening(atStart, new Date("2026-02-01T09:00:00Z")) };
    expect(readOverriddenCodes(course)).toEqual(["spinal-hardware"]);
    expect(findUncoveredBlocking(screen("spinal-hardware"), readOverriddenCodes(course))).toEqual([]);
    expect(findUncoveredBlocking(screen("spinal-hardware", "spinal-fracture"), readOverriddenCodes(course)).map((f) => f.code)).toEqual(["spinal-fracture"]);
  });

  it("covers nothing without an override, and never a red flag", () => {
    const plain = { overrideReason: null, screening: toStoredScreening(screen("pregnancy"), new Date()) };
    expect(readOverriddenCodes(plain)).toEqual([]);
    expect(findUncoveredBlocking(screen("pregnancy"), readOverriddenCodes(plain)).map((f) => f.code)).toEqual(["pregnancy"]);
    expect(findUncoveredBlocking(screen("ces-bladder-bowel"), ["ces-bladder-bowel"]).map((f) => f.code)).toEqual(["ces-bladder-bowel"]);
    expect(findUncoveredBlocking(screen("claustrophobia"), [])).toEqual([]);
  });

  it("stores codes, outcome and message, not labels", () => {
    const stored = toStoredScreening(screen("pregnancy", "claustrophobia"), new Date("2026-02-01T09:00:00Z"));
    expect(stored).toMatchObject({ outcome: "blocked", blocking: ["pregnancy"], warnings: ["claustrophobia"], urgentReferral: false, screenedAt: "2026-02-01T09:00:00.000Z" });
    expect(readOverriddenCodes({ overrideReason: "x", screening: { blocking: "not a list" } })).toEqual([]);
  });
});

describe("describeForce", () => {
  it("shows kg and lb, in the clinic's order, with % of body weight", () => {
    expect(describeForce(34, 68)).toBe("34.0 kg (75.0 lb) · 50 % of body weight");
    expect(describeForce(34, 68, "lb")).toBe("75.0 lb (34.0 kg) · 50 % of body weight");
    expect(describeForce(20, null)).toBe("20.0 kg (44.1 lb)");
  });
});

describe("suggestNextSessionTime", () => {
  it("books a day after the latest session, on the hour", () => {
    const now = new Date("2026-03-04T12:34:00Z");
    expect(suggestNextSessionTime([], now).toISOString()).toBe("2026-03-05T12:00:00.000Z");
    expect(suggestNextSessionTime([new Date("2026-03-06T09:30:00Z")], now).toISOString()).toBe("2026-03-07T09:00:00.000Z");
  });
});
