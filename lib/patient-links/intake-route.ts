import type { Database } from "@/db/client";
import { writeLinkAudit, type LinkActor } from "@/lib/audit";
import { recordRedFlags, submitIntake } from "@/lib/patient-intake/mutations";
import { loadPhoneIntake, type PhoneIntake } from "@/lib/patient-intake/queries";
import type { OpenLink } from "./gate";
import { intakeFrame, renderRedFlagScreen, renderUrgentPage } from "./intake-page";
import { buildIntakeInputs, intakeRequests, listIntakeQuestions, readRedFlagAnswers } from "./intake-steps";
import { renderQuestionnaireSent, renderQuestionScreen } from "./questionnaire-page";
import { moveStep, readAnswers, readStep, SKIP, TOO_MANY_SKIPPED } from "./questionnaire-steps";
import { LINK_HEADERS, readNonce, respondLinkHtml, respondLinkRefused } from "./responses";
import { linkPath } from "./token";

type Ctx = { request: Request; token: string; link: OpenLink; actor: LinkActor; db: Database };

const backToLink = (token: string) => new Response(null, { status: 303, headers: { ...LINK_HEADERS, location: linkPath(token) } });

/** Where the intake stands decides the page: sent, the emergency message, the red flags, or the questions. */
function currentPage(data: PhoneIntake, token: string, nonce: string): Response {
  if (data.completed) return respondLinkHtml(200, renderQuestionnaireSent(data.clinicName, nonce));
  if (data.urgency === "emergency") return respondLinkHtml(200, renderUrgentPage(data, nonce));
  if (!data.flagsAnswered) return respondLinkHtml(200, renderRedFlagScreen(data, { token, nonce, answers: {}, missing: null }));
  const questions = listIntakeQuestions(intakeRequests(data.odiVersion));
  return respondLinkHtml(200, renderQuestionScreen(intakeFrame(data), questions, { token, nonce, step: 0, answers: {}, error: null }));
}

/** Opening an intake link (audited as a view). */
export async function showIntake({ request, token, link, actor, db }: Ctx): Promise<Response> {
  const data = await loadPhoneIntake(db, link);
  if (!data) return respondLinkRefused("unknown", request);
  await writeLinkAudit(db, actor, { action: "view", detail: { purpose: "intake", intakeId: data.intakeId } });
  return currentPage(data, token, readNonce(request));
}

/**
 * One intake screen posted. The red flags (stage "flags") are stored at once,
 * a "yes" raising the staff alert, then 303 to the link, which shows the
 * message or the next questions. The questions go screen by screen as a
 * questionnaire's, and from the last one the NPRS and ODI are scored and
 * stored as patient-reported drafts, then 303 to the link's thank-you.
 */
export async function answerIntake({ request, token, link, actor, db }: Ctx): Promise<Response> {
  const data = await loadPhoneIntake(db, link);
  if (!data) return respondLinkRefused("unknown", request);
  const nonce = readNonce(request);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return respondLinkRefused("unknown", request);
  }
  if (data.completed || data.urgency === "emergency") return currentPage(data, token, nonce);

  if (form.get("stage") === "flags") {
    if (data.flagsAnswered) return backToLink(token);
    const { answers, missing } = readRedFlagAnswers(form);
    if (missing.length > 0) return respondLinkHtml(422, renderRedFlagScreen(data, { token, nonce, answers, missing }));
    await db.transaction((tx) => recordRedFlags(tx, actor, answers));
    return backToLink(token);
  }
  if (!data.flagsAnswered) return backToLink(token);

  const requests = intakeRequests(data.odiVersion);
  const questions = listIntakeQuestions(requests);
  const answers = readAnswers(form, questions);
  const frame = intakeFrame(data);
  const screen = (status: number, at: number, error: string | null) => respondLinkHtml(status, renderQuestionScreen(frame, questions, { token, nonce, step: at, answers, error }));
  const move = moveStep(questions, answers, readStep(form, questions.length));
  if (move.kind === "screen") return screen(move.status, move.step, move.error);
  const outcome = await db.transaction((tx) => submitIntake(tx, actor, buildIntakeInputs(requests, answers)));
  if (outcome.kind === "refused") {
    const prefix = `${outcome.instrument}.`;
    const skipped = questions.findIndex((q) => q.key.startsWith(prefix) && answers[q.key] === SKIP);
    return screen(422, Math.max(skipped, 0), TOO_MANY_SKIPPED);
  }
  return backToLink(token);
}
