import { describe, expect, it } from "vitest";
import { describeAlert } from "@/lib/alerts/describe";
import { scoreInstrument } from "@/lib/clinical/instruments";
import { describeRedFlags, INTAKE_RED_FLAGS } from "@/lib/clinical/intake-red-flags";
import { buildIntakeInputs, intakeRequests, listIntakeQuestions, readRedFlagAnswers } from "@/lib/patient-links/intake-steps";
import { listQuestions, moveStep } from "@/lib/patient-links/questionnaire-steps";

describe("intake steps", () => {
  const requests = intakeRequests("2.1a");
  const questions = listIntakeQuestions(requests);

  it("asks NPRS then the ten ODI sections, every key prefixed by its instrument and unique", () => {
    const nprs = listQuestions(requests[0]!);
    expect(questions).toHaveLength(nprs.length + 10);
    expect(questions.slice(0, nprs.length).every((q) => q.key.startsWith("nprs."))).toBe(true);
    expect(questions.slice(nprs.length).every((q) => q.key.startsWith("odi."))).toBe(true);
    expect(new Set(questions.map((q) => q.key)).size).toBe(questions.length);
    // Only the first ODI screen says what to do without the sheet.
    expect(questions.filter((q) => q.hint.includes("No sheet?")).map((q) => q.key)).toEqual([questions[nprs.length]!.key]);
  });

  it("splits the answers back into each instrument's own input, which scores as the clinic form's would", () => {
    const answers: Record<string, string> = { "nprs.current": "7", "nprs.best": "skip", "nprs.worst24h": "9" };
    for (const q of questions.filter((q) => q.key.startsWith("odi."))) answers[q.key] = "2";
    const [nprs, odi] = buildIntakeInputs(requests, answers);
    expect(nprs).toEqual({ instrument: "nprs", version: "0-10", current: 7, best: null, worst24h: 9 });
    const scored = scoreInstrument(odi!);
    expect(scored.ok && scored.score).toBe(40); // 20 / 50
  });

  it("moves through the screens: back, stay with a message, next, the first unanswered, then complete", () => {
    const last = questions.length - 1;
    expect(moveStep(questions, {}, { step: 2, nav: "back" })).toEqual({ kind: "screen", status: 200, step: 1, error: null });
    expect(moveStep(questions, {}, { step: 0, nav: "next" })).toMatchObject({ kind: "screen", status: 422, step: 0, error: "Choose one answer to go on." });
    expect(moveStep(questions, { "nprs.current": "4" }, { step: 0, nav: "next" })).toEqual({ kind: "screen", status: 200, step: 1, error: null });
    const lastOnly = { [questions[last]!.key]: "skip" };
    expect(moveStep(questions, lastOnly, { step: last, nav: "next" })).toMatchObject({ kind: "screen", status: 422, step: 0 });
    const all = Object.fromEntries(questions.map((q) => [q.key, q.optional ? "skip" : "4"]));
    expect(moveStep(questions, all, { step: last, nav: "next" })).toEqual({ kind: "complete" });
  });

  it("reads the red flags: only 'yes' or 'no' count, anything else is still open", () => {
    const form = new URLSearchParams(INTAKE_RED_FLAGS.map((q) => [`rf.${q.code}`, "no"]));
    form.set("rf.trauma", "yes");
    form.set("rf.cancer-history", "maybe");
    form.delete("rf.night-pain");
    const { answers, missing } = readRedFlagAnswers(form);
    expect(answers.trauma).toBe("yes");
    expect(missing).toEqual(["cancer-history", "night-pain"]);
  });

  it("names the flags for staff in the reference's words, and says what the patient was told", () => {
    expect(describeRedFlags(["ces-bladder-bowel", "trauma"])).toBe(`Answered yes: ${INTAKE_RED_FLAGS[0]!.staffLabel}; Started after trauma`);
    expect(describeAlert("red_flag", { flags: ["trauma"], urgency: "same-day" })).toContain("speak to the clinic or a doctor today");
    expect(describeAlert("red_flag", { flags: ["ces-saddle-numbness"], urgency: "emergency" })).toContain("emergency care now");
  });
});
