import { describe, expect, it } from "vitest";
import { INTAKE_RED_FLAGS, RED_FLAG_MESSAGES, screenRedFlags } from "@/lib/clinical/intake-red-flags";
import { SAFETY_FLAGS } from "@/lib/clinical/safety";

const allNo = Object.fromEntries(INTAKE_RED_FLAGS.map((q) => [q.code, "no" as const]));

describe("intake red-flag screening", () => {
  it("clears a patient who answers no to every question", () => {
    expect(screenRedFlags(allNo)).toEqual({ positive: [], urgency: null });
  });

  it("sends any cauda equina 'yes' to emergency care, whatever else was answered", () => {
    expect(screenRedFlags({ ...allNo, "ces-saddle-numbness": "yes" })).toEqual({ positive: ["ces-saddle-numbness"], urgency: "emergency" });
    expect(screenRedFlags({ ...allNo, trauma: "yes", "ces-bladder-bowel": "yes" })).toEqual({ positive: ["ces-bladder-bowel", "trauma"], urgency: "emergency" });
    expect(RED_FLAG_MESSAGES.emergency.title).toBe("Urgent: seek care now");
  });

  it("asks for a same-day call on a general red flag alone", () => {
    expect(screenRedFlags({ ...allNo, "weight-loss": "yes" })).toEqual({ positive: ["weight-loss"], urgency: "same-day" });
  });

  it("asks every cauda equina flag the decompression screening knows, with its label", () => {
    for (const flag of SAFETY_FLAGS.filter((f) => f.kind === "red-flag")) {
      const question = INTAKE_RED_FLAGS.find((q) => q.code === flag.code);
      expect(question, flag.code).toBeDefined();
      expect(question).toMatchObject({ urgency: "emergency", staffLabel: flag.label });
    }
    expect(new Set(INTAKE_RED_FLAGS.map((q) => q.code)).size).toBe(INTAKE_RED_FLAGS.length);
  });
});
