import type { Database } from "@/db/client";
import { writeLinkAudit, type LinkActor } from "@/lib/audit";
import type { OpenLink } from "./gate";
import { loadPatientQuestionnaire, questionnaireFrame, renderQuestionnaireSent, renderQuestionScreen } from "./questionnaire-page";
import { buildInstrumentInput, listQuestions, moveStep, readAnswers, readStep, SKIP, TOO_MANY_SKIPPED } from "./questionnaire-steps";
import { LINK_HEADERS, readNonce, respondLinkHtml, respondLinkRefused } from "./responses";
import { linkPath } from "./token";
import { submitQuestionnaire } from "@/lib/patient-reports/mutations";

type Ctx = { request: Request; token: string; link: OpenLink; actor: LinkActor; db: Database };


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
  const screen = (status: number, at: number, error: string | null) => respondLinkHtml(status, renderQuestionScreen(questionnaireFrame(data), questions, { token, nonce, step: at, answers, error }));
  const move = moveStep(questions, answers, readStep(form, questions.length));
  if (move.kind === "screen") return screen(move.status, move.step, move.error);
  const outcome = await db.transaction((tx) => submitQuestionnaire(tx, actor, buildInstrumentInput(data.request, answers)));
  if (outcome.kind === "refused") {
    const skipped = questions.findIndex((q) => answers[q.key] === SKIP);
    return screen(422, Math.max(skipped, 0), TOO_MANY_SKIPPED);
  }
  return new Response(null, { status: 303, headers: { ...LINK_HEADERS, location: linkPath(token) } });
}
