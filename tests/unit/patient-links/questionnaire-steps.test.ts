import { describe, expect, it } from "vitest";
import { scoreInstrument } from "@/lib/clinical/instruments";
import { buildInstrumentInput, findUnanswered, listQuestions, readAnswers, readStep, SKIP, type QuestionnaireRequest } from "@/lib/patient-links/questionnaire-steps";

const ODI: QuestionnaireRequest = { instrument: "odi", version: "2.1a", activities: null };
const PSFS: QuestionnaireRequest = { instrument: "psfs", version: "1", activities: [{ id: "activity-stairs", name: "Climbing stairs" }, { id: "activity-golf", name: "Golf" }] };

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe("questionnaire screens", () => {
  it("has one screen per item: 10 ODI / NDI sections, 3 NPRS ratings, 24 RMDQ statements, one per PSFS activity", () => {
    expect(listQuestions(ODI)).toHaveLength(10);
    expect(listQuestions({ instrument: "ndi", version: "1991", activities: null })).toHaveLength(10);
    expect(listQuestions({ instrument: "nprs", version: "0-10", activities: null }).map((q) => [q.key, q.optional])).toEqual([["current", false], ["best", true], ["worst24h", true]]);
    expect(listQuestions({ instrument: "rmdq", version: "24", activities: null })).toHaveLength(24);
    expect(listQuestions({ instrument: "rmdq", version: "18", activities: null })).toHaveLength(18);
    expect(listQuestions(PSFS).map((q) => q.legend)).toEqual(["Climbing stairs", "Golf"]);
  });

  it("offers 0-5 for an ODI section, 0-10 for a PSFS activity, yes / no for an RMDQ statement", () => {
    expect(listQuestions(ODI)[0]!.options.map((o) => o.value)).toEqual(["0", "1", "2", "3", "4", "5"]);
    expect(listQuestions(PSFS)[0]!.options).toHaveLength(11);
    expect(listQuestions({ instrument: "rmdq", version: "24", activities: null })[0]!.options.map((o) => o.value)).toEqual(["yes", "no"]);
  });
});

describe("reading the carried answers", () => {
  it("keeps known questions with offered values, and drops anything else", () => {
    const answers = readAnswers(form({ "a.painIntensity": "3", "a.lifting": "6", "a.walking": SKIP, "a.unknown": "1", painIntensity: "4" }), listQuestions(ODI));
    expect(answers).toEqual({ painIntensity: "3", walking: SKIP });
  });

  it("refuses a skip where the question cannot be skipped (PSFS, RMDQ, NPRS now)", () => {
    expect(readAnswers(form({ "a.activity-stairs": SKIP, "a.activity-golf": "7" }), listQuestions(PSFS))).toEqual({ "activity-golf": "7" });
  });

  it("reads the step within range and the button pressed", () => {
    expect(readStep(form({ step: "4", nav: "next" }), 10)).toEqual({ step: 4, nav: "next" });
    expect(readStep(form({ step: "99", nav: "back" }), 10)).toEqual({ step: 9, nav: "back" });
    expect(readStep(form({ step: "-3" }), 10)).toEqual({ step: 0, nav: "next" });
    expect(readStep(form({ step: "2.5" }), 10)).toEqual({ step: 0, nav: "next" });
  });

  it("finds the first screen not answered yet; a skip counts as answered", () => {
    const questions = listQuestions(ODI);
    expect(findUnanswered(questions, { painIntensity: "1", personalCare: SKIP })).toBe(2);
    expect(findUnanswered(questions, Object.fromEntries(questions.map((q) => [q.key, "2"])))).toBe(-1);
  });
});

describe("the instrument's own input", () => {
  it("turns a skipped ODI section into a blank (null), which the scorer leaves out of the denominator", () => {
    const answers = Object.fromEntries(listQuestions(ODI).map((q) => [q.key, "2"]));
    const input = buildInstrumentInput(ODI, { ...answers, sexLife: SKIP });
    expect(input).toMatchObject({ instrument: "odi", version: "2.1a", sections: { sexLife: null, painIntensity: 2 } });
    const result = scoreInstrument(input);
    expect(result.ok && result.score).toBeCloseTo((18 / 45) * 100, 12);
  });

  it("gives the PSFS the link's activities with the patient's ratings, in order", () => {
    expect(buildInstrumentInput(PSFS, { "activity-stairs": "4", "activity-golf": "9" })).toEqual({
      instrument: "psfs",
      version: "1",
      activities: [
        { id: "activity-stairs", name: "Climbing stairs", score: 4 },
        { id: "activity-golf", name: "Golf", score: 9 },
      ],
    });
  });

  it("gives the RMDQ a yes / no per statement, and the NPRS a missing current pain the scorer refuses", () => {
    const rmdq = buildInstrumentInput({ instrument: "rmdq", version: "11", activities: null }, { "item-1": "yes", "item-2": "no" });
    expect(rmdq).toMatchObject({ answers: [true, false, null, null, null, null, null, null, null, null, null] });
    expect(scoreInstrument(buildInstrumentInput({ instrument: "nprs", version: "0-10", activities: null }, { best: "2" })).ok).toBe(false);
  });
});
