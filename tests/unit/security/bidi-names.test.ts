import { describe, expect, it } from "vitest";
import { patientFormSchema } from "@/lib/patients/schemas";
import { addStaffSchema } from "@/lib/staff/schemas";
import { BIDI_MESSAGE } from "@/lib/validation/names";

const patient = { firstName: "Maya", lastName: "Okafor", dateOfBirth: "1975-03-14", sex: "female", phone: "", email: "", notes: "", weight: "", weightUnit: "kg", weightDate: "" };
const CONTROLS = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"];

describe("names with bidirectional controls", () => {
  it.each(CONTROLS.map((c) => [c.codePointAt(0)!.toString(16).toUpperCase(), c]))("a patient name with U+%s is refused with a message", (_, c) => {
    const r = patientFormSchema.safeParse({ ...patient, lastName: `Oka${c}rof` });
    expect(r.success).toBe(false);
    expect(r.error?.issues.find((i) => i.path[0] === "lastName")?.message).toBe(BIDI_MESSAGE);
  });

  it("a staff member's name too", () => {
    const r = addStaffSchema.safeParse({ name: "Ava\u202E tsinimda", email: "ava2@northside.test", role: "practitioner" });
    expect(r.error?.issues.find((i) => i.path[0] === "name")?.message).toBe(BIDI_MESSAGE);
  });

  it("right-to-left names themselves are fine", () => {
    expect(patientFormSchema.safeParse({ ...patient, firstName: "نور", lastName: "כהן" }).success).toBe(true);
  });
});
