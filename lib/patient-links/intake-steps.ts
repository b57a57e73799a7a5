import type { InstrumentInput } from "@/lib/clinical/instruments";
import { INTAKE_RED_FLAGS, type RedFlagAnswers } from "@/lib/clinical/intake-red-flags";
import { buildInstrumentInput, listQuestions, type Answers, type Question, type QuestionnaireRequest } from "./questionnaire-steps";

/**
 * The intake on the phone (issue 13): first the red-flag questions, all on
 * one screen and sent on their own (a "yes" must reach the clinic even if the
 * patient stops there), then NPRS and ODI one question per screen, through
 * the questionnaire's own steps. Each instrument's keys carry its id as a
 * prefix, so the two share one set of carried answers without clashing.
 */

/** The instruments an intake asks for, in order; the ODI version is fixed when the link is made. */
export function intakeRequests(odiVersion: string): QuestionnaireRequest[] {
  return [
    { instrument: "nprs", version: "0-10", activities: null },
    { instrument: "odi", version: odiVersion, activities: null },
  ];
}

const SEPARATOR = ".";

// A new patient may not have the clinic's Oswestry sheet yet (its statements are licensed, so the phone
// cannot show them: clinical-reference.md §1); skipping every section sends the intake without the ODI.
const NO_SHEET = " No sheet? Skip all ten: your clinic will go through them with you.";

/** The intake's question screens: NPRS then ODI, keys prefixed by the instrument. */
export function listIntakeQuestions(requests: readonly QuestionnaireRequest[]): Question[] {
  return requests.flatMap((request) =>
    listQuestions(request).map((q, i) => ({
      ...q,
      key: `${request.instrument}${SEPARATOR}${q.key}`,
      hint: request.instrument === "odi" && i === 0 ? q.hint + NO_SHEET : q.hint,
    })),
  );
}

/** Each instrument's input from the intake's answers (its own keys, prefix dropped). */
export function buildIntakeInputs(requests: readonly QuestionnaireRequest[], answers: Answers): InstrumentInput[] {
  return requests.map((request) => {
    const prefix = `${request.instrument}${SEPARATOR}`;
    const own: Answers = {};
    for (const [key, value] of Object.entries(answers)) if (key.startsWith(prefix)) own[key.slice(prefix.length)] = value;
    return buildInstrumentInput(request, own);
  });
}

export const RED_FLAG_PREFIX = "rf.";

/** The red-flag answers posted: every question answered "yes" or "no", or the codes still unanswered. */
export function readRedFlagAnswers(form: URLSearchParams | FormData): { answers: RedFlagAnswers; missing: string[] } {
  const answers: RedFlagAnswers = {};
  const missing: string[] = [];
  for (const q of INTAKE_RED_FLAGS) {
    const value = form.get(`${RED_FLAG_PREFIX}${q.code}`);
    if (value === "yes" || value === "no") answers[q.code] = value;
    else missing.push(q.code);
  }
  return { answers, missing };
}
