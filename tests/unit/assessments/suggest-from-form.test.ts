import { describe, expect, it } from "vitest";
import { parseAssessmentForm } from "@/lib/assessments/parse-form";
import { suggestForAssessment, suggestFromForm } from "@/lib/assessments/suggestions";
import { validateAssessmentForm } from "@/lib/assessments/validate-form";

const PATIENT = "6f1c2b1e-8a53-4d4b-9c1f-0e6f5a2b3c4d";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries({ patientId: PATIENT, region: "lumbar", assessedOn: "2026-01-15", ...fields })) data.append(k, v);
  return parseAssessmentForm(data);
}

const LOWER_CROSSED = { "m.thomas-hip-angle.left": "12", "m.mmt-gluteus-medius.left": "4-" };

describe("pattern suggestions while typing", () => {
  it("suggests from the typed findings, with their triggers, as the server does on save", () => {
    const typed = form(LOWER_CROSSED);
    const live = suggestFromForm(typed, "female");
    expect(live.map((s) => s.pattern)).toEqual(["hip-flexor-glute"]);
    expect(live[0]?.triggers.map((t) => t.code)).toEqual(["thomas-hip-angle", "mmt-gluteus-medius"]);
    const saved = validateAssessmentForm(typed);
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    expect(live).toEqual(suggestForAssessment(saved.value.assessment.measurements, "female"));
  });

  it("ignores what the server would refuse (out of range, not a grade) instead of guessing", () => {
    expect(suggestFromForm(form({ "m.thomas-hip-angle.left": "12", "m.mmt-gluteus-medius.left": "4x" }), "female")).toEqual([]);
    expect(suggestFromForm(form({ "m.thomas-hip-angle.left": "900", "m.mmt-gluteus-medius.left": "3" }), "female")).toEqual([]);
  });

  it("suggests nothing until both halves of a paired pattern are typed", () => {
    expect(suggestFromForm(form({ "m.thomas-hip-angle.left": "12" }), "male")).toEqual([]);
  });
});
