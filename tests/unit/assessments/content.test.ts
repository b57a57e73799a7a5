import { describe, expect, it } from "vitest";
import { buildContent, toFormValues, toPsfsPrefill } from "@/lib/assessments/content";
import { parseAssessmentForm } from "@/lib/assessments/parse-form";
import { suggestForAssessment, listUndecided } from "@/lib/assessments/suggestions";
import { validateAssessmentForm, type ValidatedAssessment } from "@/lib/assessments/validate-form";

const PATIENT = "6f1c2b1e-8a53-4d4b-9c1f-0e6f5a2b3c4d";

function validated(fields: Record<string, string>): ValidatedAssessment {
  const data = new FormData();
  for (const [k, v] of Object.entries({ patientId: PATIENT, ...fields })) data.append(k, v);
  const outcome = validateAssessmentForm(parseAssessmentForm(data));
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.value.assessment;
}

const FIELDS = {
  region: "cervical",
  assessedOn: "2026-01-15",
  chiefComplaint: "Neck pain",
  notes: "Desk worker",
  planNotes: "Scapular work",
  "nprs.current": "5",
  "nprs.best": "3",
  ...Object.fromEntries(["painIntensity", "personalCare", "lifting", "reading", "headaches", "concentration", "work", "driving", "sleeping"].map((k) => [`ndi.items.${k}`, "2"])),
  "rmdq.version": "11",
  "rmdq.completed": "on",
  "rmdq.answers.4": "yes",
  "psfs.version": "2.0",
  "psfs.activities.0.id": "activity-reading",
  "psfs.activities.0.name": "Reading",
  "psfs.activities.0.score": "6",
  "psfs.activities.1.id": "activity-driving",
  "psfs.activities.1.name": "Driving",
  "psfs.activities.1.score": "4",
  "psfs.activities.2.id": "activity-work",
  "psfs.activities.2.name": "Work",
  "psfs.activities.2.score": "7",
  "m.mmt-lower-trapezius.left": "4-",
  "m.mmt-lower-trapezius.right": "4+",
  "m.mmt-lower-trapezius.method": "oxford-mrc",
  "m.craniovertebral-angle.na": "44",
  "m.craniovertebral-angle.method": "photograph",
  "m.craniovertebral-angle.abnormal": "on",
  "pattern.scapular-chest": "confirmed",
};

describe("assessment content", () => {
  it("round-trips: the form values of stored content validate back to the same content", () => {
    const first = validated(FIELDS);
    const suggestions = suggestForAssessment(first.measurements, "male");
    const content = buildContent({ assessment: first, assessedAt: new Date("2026-01-15T12:00:00Z"), practitionerId: "u1", suggestions });
    const values = toFormValues(content, "2026-01-15");
    const again = validated(values);
    expect(buildContent({ assessment: again, assessedAt: new Date("2026-01-15T12:00:00Z"), practitionerId: "u1", suggestions })).toEqual(content);
    expect(values["ndi.items.recreation"]).toBe("");
    expect(values["m.mmt-lower-trapezius.left"]).toBe("4-");
  });

  it("keeps each decision with whether it was suggested and the findings behind it", () => {
    const assessment = validated({ ...FIELDS, "pattern.core-extensor": "confirmed" });
    const suggestions = suggestForAssessment(assessment.measurements, "male");
    expect(suggestions.map((s) => s.pattern)).toEqual(["scapular-chest"]);
    const content = buildContent({ assessment, assessedAt: new Date(), practitionerId: "u1", suggestions });
    expect(content.patterns.map((p) => [p.pattern, p.status, p.suggested, p.triggers.length])).toEqual([
      ["core-extensor", "confirmed", false, 0],
      ["scapular-chest", "confirmed", true, 2],
    ]);
    expect(listUndecided(suggestions, {})).toHaveLength(1);
    expect(listUndecided(suggestions, { "scapular-chest": "dismissed" })).toHaveLength(0);
  });

  it("prefills PSFS activities for re-rating, without their scores", () => {
    const assessment = validated(FIELDS);
    const psfs = buildContent({ assessment, assessedAt: new Date(), practitionerId: "u1", suggestions: [] }).instruments.find((i) => i.instrument === "psfs");
    expect(toPsfsPrefill(psfs)).toEqual({
      "psfs.version": "2.0",
      "psfs.activities.0.id": "activity-reading",
      "psfs.activities.0.name": "Reading",
      "psfs.activities.1.id": "activity-driving",
      "psfs.activities.1.name": "Driving",
      "psfs.activities.2.id": "activity-work",
      "psfs.activities.2.name": "Work",
    });
    expect(toPsfsPrefill(undefined)).toEqual({});
  });
});
