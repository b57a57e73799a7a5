import { describe, expect, it } from "vitest";
import { courseFormSchema, sessionLogSchema } from "@/lib/decompression/schemas";

const ID = "0b0e5c3c-4f5a-4a5b-9c1d-2e3f4a5b6c7d";
const course = { patientId: ID, region: "lumbar", targetLevel: "l5-s1", plannedSessions: "12", sessionsPerWeek: "3", startDate: "2026-02-02", position: "supine", forceUnit: "lb", maxForce: "75", minForce: "" };
const session = { courseId: ID, scheduledAt: "2026-02-03T10:00", status: "completed", position: "prone", bodyWeight: "150", bodyWeightUnit: "lb", bodyWeightOn: "2026-01-20", forceUnit: "kg", maxForce: "30", durationMin: "20", nprsBefore: "5" };

const paths = (result: { error?: { issues: { path: PropertyKey[] }[] } }) => result.error?.issues.map((i) => i.path.join(".")).sort();

describe("course form", () => {
  it("converts forces to kg and tidies the level", () => {
    const parsed = courseFormSchema.parse(course);
    expect(parsed).toMatchObject({ targetLevel: "L5-S1", maxForceKg: 34, minForceKg: null, forceUnit: "lb", overrideReason: null, confirmed: false });
  });

  it("refuses bad plans, levels for the wrong region, negative forces and a short override reason", () => {
    expect(paths(courseFormSchema.safeParse({ ...course, plannedSessions: "0", sessionsPerWeek: "8" }))).toEqual(["plannedSessions", "sessionsPerWeek"]);
    expect(paths(courseFormSchema.safeParse({ ...course, targetLevel: "C5-C6" }))).toEqual(["targetLevel"]);
    expect(paths(courseFormSchema.safeParse({ ...course, region: "cervical" }))).toEqual(["targetLevel"]);
    expect(paths(courseFormSchema.safeParse({ ...course, targetLevel: "L9" }))).toEqual(["targetLevel"]);
    expect(paths(courseFormSchema.safeParse({ ...course, maxForce: "-1" }))).toEqual(["maxForce"]);
    expect(paths(courseFormSchema.safeParse({ ...course, minForce: "80" }))).toEqual(["minForce"]);
    expect(paths(courseFormSchema.safeParse({ ...course, durationMin: "61" }))).toEqual(["durationMin"]);
    expect(paths(courseFormSchema.safeParse({ ...course, overrideReason: "ok" }))).toEqual(["overrideReason"]);
  });
});

describe("session log form", () => {
  it("converts body weight and force to kg", () => {
    expect(sessionLogSchema.parse(session)).toMatchObject({ bodyWeightKg: 68, maxForceKg: 30, status: "completed", sessionId: null, confirmForce: false });
  });

  it("asks for the parameters of a completed session, not of a cancelled one", () => {
    const bare = { courseId: ID, scheduledAt: "2026-02-03T10:00", status: "completed" };
    expect(paths(sessionLogSchema.safeParse(bare))).toEqual(["bodyWeight", "bodyWeightOn", "durationMin", "maxForce", "nprsBefore", "position"]);
    expect(sessionLogSchema.safeParse({ ...bare, status: "cancelled" }).success).toBe(true);
  });

  it("refuses out-of-range values with a message at the field", () => {
    const bad = sessionLogSchema.safeParse({ ...session, holdSeconds: "601", durationMin: "90", nprsAfter: "11", bodyWeight: "900", restSeconds: "-1" });
    expect(paths(bad)).toEqual(["bodyWeight", "durationMin", "holdSeconds", "nprsAfter", "restSeconds"]);
    expect(paths(sessionLogSchema.safeParse({ ...session, scheduledAt: "tomorrow" }))).toEqual(["scheduledAt"]);
  });
});
