import { describe, expect, it } from "vitest";
import { parseAssessmentForm } from "@/lib/assessments/parse-form";
import { validateAssessmentForm } from "@/lib/assessments/validate-form";

const PATIENT = "6f1c2b1e-8a53-4d4b-9c1f-0e6f5a2b3c4d";

const validate = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries({ patientId: PATIENT, region: "lumbar", assessedOn: "2026-01-15", chiefComplaint: "", ...fields })) data.append(k, v);
  return validateAssessmentForm(parseAssessmentForm(data));
};
const errorsOf = (outcome: ReturnType<typeof validate>) => (outcome.ok ? {} : outcome.errors);

describe("assessment form validation", () => {
  it("accepts an empty draft", () => {
    const outcome = validate({});
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.value.assessment).toMatchObject({ results: [], measurements: [], decisions: {}, notes: null });
  });

  it("needs the complaint and the current pain to sign", () => {
    expect(errorsOf(validate({ intent: "sign" }))).toEqual({
      chiefComplaint: ["Describe the chief complaint before signing"],
      "nprs.current": ["Record the pain now (0 to 10) before signing"],
    });
  });

  it("asks for the current pain when only least or worst is given", () => {
    expect(errorsOf(validate({ "nprs.best": "2" }))).toEqual({ "nprs.current": ["Enter the pain now (0 to 10) to record least or worst pain"] });
  });

  it("refuses NPRS 11 and 3.5 with the scale's message", () => {
    expect(errorsOf(validate({ "nprs.current": "11" }))).toEqual({ "nprs.current": ["NPRS is a whole number from 0 to 10"] });
    expect(errorsOf(validate({ "nprs.current": "3.5" }))).toEqual({ "nprs.current": ["NPRS is a whole number from 0 to 10"] });
  });

  it("puts an unscorable ODI's reason on the questionnaire", () => {
    const errors = errorsOf(validate({ "odi.version": "2.1a", "odi.sections.lifting": "3" }));
    expect(Object.keys(errors)).toEqual(["odi"]);
    expect(errors.odi?.[0]).toMatch(/9 sections missing/);
  });

  it("scores a 9-section ODI over the answered sections (16/45 = 35.56 %, kept exact)", () => {
    const sections = { painIntensity: "2", personalCare: "1", lifting: "3", walking: "1", sitting: "2", standing: "2", sleeping: "2", socialLife: "2", travelling: "1" };
    const outcome = validate(Object.fromEntries(Object.entries(sections).map(([k, v]) => [`odi.sections.${k}`, v])));
    expect(outcome.ok && outcome.value.assessment.results[0]).toMatchObject({ instrument: "odi", score: (16 / 45) * 100 });
  });

  it("asks to mark the RMDQ complete before scoring ticks", () => {
    expect(errorsOf(validate({ "rmdq.answers.2": "yes" }))).toEqual({
      "rmdq.completed": ['Tick "Questionnaire complete" to score the RMDQ: the unticked items then count as no'],
    });
    const done = validate({ "rmdq.answers.2": "yes", "rmdq.answers.5": "yes", "rmdq.completed": "on" });
    expect(done.ok && done.value.assessment.results[0]).toMatchObject({ instrument: "rmdq", score: 2 });
  });

  it("keys PSFS errors by the form row typed in", () => {
    const errors = errorsOf(validate({ "psfs.activities.1.name": "Walking", "psfs.activities.1.score": "12", "psfs.activities.3.name": "", "psfs.activities.3.score": "4" }));
    expect(errors["psfs.activities.1.score"]).toEqual(["Each PSFS activity is rated 0 to 10"]);
    expect(errors["psfs.activities.3.name"]).toEqual(["Each PSFS activity needs a name"]);
    expect(errors["psfs.activities"]).toBeUndefined(); // 1 to 5 activities are accepted
  });

  it("refuses a repeated PSFS activity at its row", () => {
    const errors = errorsOf(validate({ "psfs.activities.0.name": "Walking", "psfs.activities.0.score": "3", "psfs.activities.1.name": "walking", "psfs.activities.1.score": "4", "psfs.activities.2.name": "Lifting", "psfs.activities.2.score": "2" }));
    expect(errors["psfs.activities.1.name"]).toEqual(["This activity is already listed"]);
  });

  it("refuses a method the measure does not list, and keeps the abnormal mark only where there is no norm", () => {
    expect(errorsOf(validate({ "m.thomas-hip-angle.left": "5", "m.thomas-hip-angle.method": "tape" }))).toEqual({ "m.thomas-hip-angle.method": ["Choose one of the listed methods"] });
    const outcome = validate({ "m.craniovertebral-angle.na": "44", "m.craniovertebral-angle.abnormal": "on", "m.modified-schober.na": "3.5", "m.modified-schober.abnormal": "on" });
    expect(outcome.ok && outcome.value.assessment.measurements).toEqual([
      { code: "craniovertebral-angle", side: "na", value: 44, unit: "deg", method: "photograph", abnormal: true },
      { code: "modified-schober", side: "na", value: 3.5, unit: "cm", method: "tape", abnormal: null },
    ]);
  });

  it("needs a reason of a few words to amend, and ids to save over", () => {
    expect(errorsOf(validate({ intent: "amend", chiefComplaint: "x", "nprs.current": "3", reason: "typo" }))).toEqual({
      reason: ["Say in a few words why the signed assessment is amended"],
    });
    expect(errorsOf(validate({ id: "not-a-uuid" }))._form).toContain("Assessment not found");
    expect(errorsOf(validate({ intent: "publish" }))._form).toEqual(["Choose to save a draft, sign or amend"]);
  });

  it("refuses an unknown pattern decision and a bad region", () => {
    expect(errorsOf(validate({ "pattern.core-extensor": "maybe", region: "knee" }))).toEqual({
      region: ["Choose the region assessed"],
      "pattern.core-extensor": ["Confirm, dismiss or leave undecided"],
    });
  });
});
