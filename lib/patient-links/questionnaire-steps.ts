import type { RequestedActivity } from "@/db/schema/patient-reports";
import type { InstrumentInput } from "@/lib/clinical/instruments";
import { NDI_SECTIONS, NPRS_DESCRIPTOR, ODI_SECTIONS, RMDQ_ITEM_COUNTS } from "@/lib/clinical/instruments/descriptors";
import type { InstrumentId } from "@/lib/clinical/instruments/types";

/**
 * The phone questionnaire as a series of screens, one question each. Every
 * screen is a plain form post that carries the answers so far in hidden
 * fields (`a.<key>`), so it works with no script at all; this module turns
 * those fields into answers and the answers into the instrument's own input.
 * Nothing is scored here: lib/clinical/instruments validates and scores.
 */

export type QuestionnaireRequest = { instrument: InstrumentId; version: string; activities: RequestedActivity[] | null };

export type QuestionOption = { value: string; label: string };
export type Question = { key: string; legend: string; hint: string; options: QuestionOption[]; optional: boolean; layout: "scale" | "list" };

/** The value of "Skip this question" (ODI and NDI sections, NPRS least / worst pain). */
export const SKIP = "skip";
export const ANSWER_PREFIX = "a.";

export type Answers = Record<string, string>;
export type Navigation = "next" | "back";

function numbers(from: number, to: number, anchors: Record<number, string>): QuestionOption[] {
  return Array.from({ length: to - from + 1 }, (_, i) => {
    const n = from + i;
    return { value: String(n), label: anchors[n] ? `${n} (${anchors[n]})` : String(n) };
  });
}

const PAIN = numbers(0, 10, { 0: "no pain", 10: "worst imaginable" });

// The ODI, NDI and RMDQ statements are licensed by their owners (clinical-reference.md §1): the patient
// reads them on the clinic's sheet and the phone records the number, as the clinic form does.
function sectionQuestions(sections: readonly { id: string; label: string }[], sheet: string): Question[] {
  return sections.map((s, i) => ({
    key: s.id,
    legend: `${s.label} (section ${i + 1} of ${sections.length})`,
    hint: `On your ${sheet} sheet, choose the statement in this section that fits you best today: 0 is the first statement, 5 the last.`,
    options: numbers(0, 5, { 0: "first statement", 5: "last statement" }),
    optional: true,
    layout: "scale",
  }));
}

/** The screens of one questionnaire, in order. */
export function listQuestions(request: QuestionnaireRequest): Question[] {
  switch (request.instrument) {
    case "nprs":
      return NPRS_DESCRIPTOR.versions[0]!.items.map((item) => ({
        key: item.id,
        legend: item.label,
        hint: "0 is no pain, 10 the worst pain you can imagine.",
        options: PAIN,
        // The score is the pain now; least and worst in 24 hours are kept when given (nprs.ts).
        optional: item.id !== "current",
        layout: "scale",
      }));
    case "odi":
      return sectionQuestions(ODI_SECTIONS, "Oswestry (back pain)");
    case "ndi":
      return sectionQuestions(NDI_SECTIONS, "Neck Disability Index");
    case "rmdq": {
      const count = RMDQ_ITEM_COUNTS[request.version as keyof typeof RMDQ_ITEM_COUNTS] ?? 24;
      return Array.from({ length: count }, (_, i) => ({
        key: `item-${i + 1}`,
        legend: `Statement ${i + 1} of ${count}`,
        hint: `On your Roland-Morris sheet: does statement ${i + 1} describe you today?`,
        options: [
          { value: "yes", label: "Yes, it describes me today" },
          { value: "no", label: "No" },
        ],
        optional: false,
        layout: "list",
      }));
    }
    case "psfs": {
      const reversed = request.version === "2.0";
      return (request.activities ?? []).map((a) => ({
        key: a.id,
        legend: a.name,
        hint: reversed ? "How hard is this activity for you today? 0 is no difficulty, 10 unable to do it." : "How well can you do this activity today? 0 is unable to do it, 10 as well as before your problem.",
        options: numbers(0, 10, reversed ? { 0: "no difficulty", 10: "unable" } : { 0: "unable", 10: "as before" }),
        optional: false,
        layout: "scale",
      }));
    }
  }
}

function isAllowed(question: Question, value: string): boolean {
  return (question.optional && value === SKIP) || question.options.some((o) => o.value === value);
}

/** The answers carried in the form: only known questions, only offered values (anything else is dropped). */
export function readAnswers(form: URLSearchParams | FormData, questions: readonly Question[]): Answers {
  const answers: Answers = {};
  for (const q of questions) {
    const value = form.get(`${ANSWER_PREFIX}${q.key}`);
    if (typeof value === "string" && isAllowed(q, value)) answers[q.key] = value;
  }
  return answers;
}

/** Which screen was posted and where the patient asked to go; a step out of range is read as the nearest one. */
export function readStep(form: URLSearchParams | FormData, count: number): { step: number; nav: Navigation } {
  const raw = Number(form.get("step"));
  const step = Number.isInteger(raw) ? Math.min(Math.max(raw, 0), Math.max(count - 1, 0)) : 0;
  return { step, nav: form.get("nav") === "back" ? "back" : "next" };
}

/** The first screen still needing an answer (a skipped optional one counts as answered), or -1. */
export function findUnanswered(questions: readonly Question[], answers: Answers): number {
  return questions.findIndex((q) => answers[q.key] === undefined);
}

const CHOOSE = "Choose one answer to go on.";
const CHOOSE_OR_SKIP = "Choose one answer, or “Skip this question”, to go on.";
export const TOO_MANY_SKIPPED = "Too many questions were skipped to work out a result. Please answer this one.";

export type StepMove = { kind: "screen"; status: 200 | 422; step: number; error: string | null } | { kind: "complete" };

/**
 * Where a posted screen goes: back one, the same one with a message when
 * nothing was chosen, the next one, the first one left unanswered, or, from
 * the last screen with every question answered, "complete" (score and store).
 */
export function moveStep(questions: readonly Question[], answers: Answers, at: { step: number; nav: Navigation }): StepMove {
  const prompt = (q: Question) => (q.optional ? CHOOSE_OR_SKIP : CHOOSE);
  if (at.nav === "back") return { kind: "screen", status: 200, step: Math.max(at.step - 1, 0), error: null };
  const current = questions[at.step]!;
  if (answers[current.key] === undefined) return { kind: "screen", status: 422, step: at.step, error: prompt(current) };
  if (at.step < questions.length - 1) return { kind: "screen", status: 200, step: at.step + 1, error: null };
  const missing = findUnanswered(questions, answers);
  if (missing >= 0) return { kind: "screen", status: 422, step: missing, error: prompt(questions[missing]!) };
  return { kind: "complete" };
}

const toNumber = (value: string | undefined): number | null => (value === undefined || value === SKIP ? null : Number(value));

/** The instrument's own input, for its zod schema and scorer (a skipped item is null, as on the clinic form). */
export function buildInstrumentInput(request: QuestionnaireRequest, answers: Answers): InstrumentInput {
  switch (request.instrument) {
    case "nprs":
      return { instrument: "nprs", version: "0-10", current: toNumber(answers.current) ?? Number.NaN, best: toNumber(answers.best), worst24h: toNumber(answers.worst24h) };
    case "odi":
      return { instrument: "odi", version: request.version as "2.1a", sections: Object.fromEntries(ODI_SECTIONS.map((s) => [s.id, toNumber(answers[s.id])])) };
    case "ndi":
      return { instrument: "ndi", version: "1991", items: Object.fromEntries(NDI_SECTIONS.map((s) => [s.id, toNumber(answers[s.id])])) };
    case "rmdq": {
      const questions = listQuestions(request);
      return { instrument: "rmdq", version: request.version as "24", answers: questions.map((q) => (answers[q.key] === undefined ? null : answers[q.key] === "yes")) };
    }
    case "psfs":
      return {
        instrument: "psfs",
        version: request.version as "1",
        activities: (request.activities ?? []).map((a) => ({ id: a.id, name: a.name, score: toNumber(answers[a.id]) })),
      };
  }
}
