import type { Database } from "@/db/client";
import { writeLinkAudit, type LinkActor } from "@/lib/audit";
import type { OpenLink } from "./gate";
import { loadPatientQuestionnaire, questionnaireFrame, renderQuestionnaireSent, renderQuestionScreen } from "./questionnaire-page";
import { buildInstrumentInput, findUnanswered, listQuestions, readAnswers, readStep, SKIP } from "./questionnaire-steps";
import { LINK_HEADERS, readNonce, respondLinkHtml, respondLinkRefused } from "./responses";
import { linkPath } from "./token";
import { submitQuestionnaire } from "@/lib/patient-reports/mutations";

type Ctx = { request: Request; token: string; link: OpenLink; actor: LinkActor; db: Database };

export const CHOOSE = "Choose one answer to go on.";
export const CHOOSE_OR_SKIP = "Choose one answer, or “Skip this question”, to go on.";
export const TOO_MANY_SKIPPED = "Too many questions were skipped to work out a result. Please answer this one.";

/** Opening a questionnaire link: its first screen, or the thank-you page once it has been sent. */
export async function showQuestionnaire({ request, token, link, actor, db }: Ctx): Promise<Response> {
  const data = await loadPatientQuestionnaire(db, link);
  if (!data) return respondLinkRefused("unknown", request);
  await writeLinkAudit(db, actor, { action: "view", detail: { purpose: "questionnaire", reportId: data.reportId } });
  const nonce = readNonce(request);
  if (data.status !== "sent") return respondLinkHtml(200, renderQuestionnaireSent(data.clinicName, nonce));
  const questions = listQuestions(data.request);
  return respondLinkHtml(200, renderQuestionScreen(questionnaireFrame(data), questions, { token, nonce, step: 0, answers: {}, error: null }));
}

/**
 * One screen posted: go back, show the next question, or (from the last one)
 * score and store the answers, then 303 to the link, which now answers the
 * thank-you page: a reload or a second submission sends nothing twice.
 */
export async function answerQuestionnaire({ request, token, link, actor, db }: Ctx): Promise<Response> {
  const data = await loadPatientQuestionnaire(db, link);
  if (!data) return respondLinkRefused("unknown", request);
  const nonce = readNonce(request);
  if (data.status !== "sent") return respondLinkHtml(200, renderQuestionnaireSent(data.clinicName, nonce));
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return respondLinkRefused("unknown", request);
  }
  const questions = listQuestions(data.request);
  const answers = readAnswers(form, questions);
  const { step, nav } = readStep(form, questions.length);
  const screen = (status: number, at: number, error: string | null) => respondLinkHtml(status, renderQuestionScreen(questionnaireFrame(data), questions, { token, nonce, step: at, answers, error }));
  if (nav === "back") return screen(200, Math.max(step - 1, 0), null);
  const current = questions[step]!;
  if (answers[current.key] === undefined) return screen(422, step, current.optional ? CHOOSE_OR_SKIP : CHOOSE);
  if (step < questions.length - 1) return screen(200, step + 1, null);
  const missing = findUnanswered(questions, answers);
  if (missing >= 0) return screen(422, missing, questions[missing]!.optional ? CHOOSE_OR_SKIP : CHOOSE);
  const outcome = await db.transaction((tx) => submitQuestionnaire(tx, actor, buildInstrumentInput(data.request, answers)));
  if (outcome.kind === "refused") {
    const skipped = questions.findIndex((q) => answers[q.key] === SKIP);
    return screen(422, Math.max(skipped, 0), TOO_MANY_SKIPPED);
  }
  return new Response(null, { status: 303, headers: { ...LINK_HEADERS, location: linkPath(token) } });
}
