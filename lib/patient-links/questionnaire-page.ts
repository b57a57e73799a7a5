import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { clinics, patientReports, patients, type PatientReportStatus } from "@/db/schema";
import { getInstrument } from "@/lib/clinical/instruments/descriptors";
import type { OpenLink } from "./gate";
import { html, renderDocument, type Markup } from "./html";
import { ANSWER_PREFIX, SKIP, type Answers, type Question, type QuestionnaireRequest } from "./questionnaire-steps";
import { linkPath } from "./token";

export type PatientQuestionnaire = { clinicName: string; firstName: string; reportId: string; status: PatientReportStatus; request: QuestionnaireRequest };

/**
 * What the patient's phone needs for a questionnaire link, read inside the
 * link's clinic: the clinic's name, the patient's first name and the request
 * (instrument, version, PSFS activities). Null when the link carries none.
 */
export async function loadPatientQuestionnaire(db: Queryable, link: OpenLink): Promise<PatientQuestionnaire | null> {
  const [report] = await db
    .select({ id: patientReports.id, status: patientReports.status, instrument: patientReports.instrument, version: patientReports.version, activities: patientReports.activities })
    .from(patientReports)
    .where(and(eq(patientReports.clinicId, link.clinicId), eq(patientReports.linkId, link.linkId)));
  if (!report) return null;
  const [clinic] = await db.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, link.clinicId));
  const [patient] = await db.select({ firstName: patients.firstName }).from(patients).where(and(eq(patients.id, link.patientId), eq(patients.clinicId, link.clinicId)));
  return {
    clinicName: clinic?.name ?? "Your clinic",
    firstName: patient?.firstName ?? "",
    reportId: report.id,
    status: report.status,
    request: { instrument: report.instrument, version: report.version, activities: report.activities },
  };
}

// Big targets (at least 48 px), one column of choices on a narrow phone, two where they fit.
/** The question screens' styles (the intake's red-flag screen uses them too). */
export const QUESTION_CSS = `
.progress{width:100%;height:.5rem;accent-color:var(--accent)}
.options{display:grid;grid-template-columns:repeat(auto-fill,minmax(9rem,1fr));gap:.5rem;margin-top:.75rem}
.options.list{grid-template-columns:1fr}
.options label{display:flex;align-items:center;gap:.6rem;min-height:52px;padding:.5rem .75rem;border:1px solid var(--line);border-radius:.6rem;background:var(--bg);font-weight:600}
.options label:has(input:checked){border-color:var(--accent);outline:2px solid var(--accent)}
.options label.skip{font-weight:400;color:var(--muted)}
.hint{margin:.25rem 0 0;color:var(--muted)}
.error{color:#b3261e;font-weight:600;margin:.5rem 0 0}
@media (prefers-color-scheme:dark){.error{color:#ffb4ab}}
.nav{display:grid;gap:.75rem}
button.secondary{background:transparent;color:var(--accent);border:2px solid var(--accent)}
`;

function renderOptions(question: Question, name: string, chosen: string | undefined, hasError: boolean): Markup {
  const describedBy = `q-hint${hasError ? " q-error" : ""}`;
  const radio = (value: string, label: string, cls = "") =>
    html`<label${cls ? html` class="${cls}"` : ""}><input type="radio" name="${name}" value="${value}"${chosen === value ? html` checked` : ""}${question.optional ? "" : html` required`} aria-describedby="${describedBy}"> ${label}</label>`;
  return html`<div class="options${question.layout === "list" ? " list" : ""}">${question.options.map((o) => radio(o.value, o.label))}${question.optional ? radio(SKIP, "Skip this question", "skip") : ""}</div>`;
}

export type ScreenOptions = { token: string; nonce: string; step: number; answers: Answers; error: string | null };

/** What frames the questions: who asks, what it is called, the first screen's words, and a notice above them all (the intake's red-flag message). */
export type ScreenFrame = { clinicName: string; firstName: string; label: string; intro: string; notice?: Markup | null; css?: string };

/** The frame of a questionnaire link's screens. */
export function questionnaireFrame(data: PatientQuestionnaire): ScreenFrame {
  return {
    clinicName: data.clinicName,
    firstName: data.firstName,
    label: getInstrument(data.request.instrument).label,
    intro: 'Your clinic asked you to answer these questions before your next visit. One question per screen; your answers are sent when you press "Send to my clinic" at the end.',
  };
}

/**
 * One screen: one question, the answers so far as hidden fields (so the
 * steps need no script and nothing is kept on the server before "Send"),
 * "Next" (the default button, first) and "Back".
 */
export function renderQuestionScreen(frame: ScreenFrame, questions: readonly Question[], options: ScreenOptions): string {
  const { step, answers, error } = options;
  const question = questions[step]!;
  const name = `${ANSWER_PREFIX}${question.key}`;
  const last = step === questions.length - 1;
  const carried = Object.entries(answers).filter(([key]) => key !== question.key);
  const body = html`<header><p class="clinic">${frame.clinicName}</p><h1>Hello ${frame.firstName}</h1>
<p class="muted">${frame.label}: question ${step + 1} of ${questions.length}</p>
<progress class="progress" value="${step + 1}" max="${questions.length}" aria-label="Question ${step + 1} of ${questions.length}"></progress></header>
${frame.notice ?? ""}
${step === 0 ? html`<p>${frame.intro}</p>` : ""}
<form method="post" action="${linkPath(options.token)}/answers">
<input type="hidden" name="step" value="${step}">
${carried.map(([key, value]) => html`<input type="hidden" name="${ANSWER_PREFIX}${key}" value="${value}">`)}
<fieldset${error ? html` aria-invalid="true"` : ""}><legend><span class="q">${question.legend}</span></legend>
<p id="q-hint" class="hint">${question.hint}</p>
${error ? html`<p id="q-error" class="error" role="alert">${error}</p>` : ""}
${renderOptions(question, name, answers[question.key], Boolean(error))}
</fieldset>
<div class="nav"><button type="submit" name="nav" value="next">${last ? "Send to my clinic" : "Next"}</button>
${step > 0 ? html`<button type="submit" name="nav" value="back" class="secondary" formnovalidate>Back</button>` : ""}</div>
</form>`;
  return renderDocument({ title: `${frame.label} · ${frame.clinicName}`, nonce: options.nonce, body, css: QUESTION_CSS + (frame.css ?? "") });
}

/** After the answers are in (or when the single-use link is opened again): a plain thank-you, nothing more. */
export function renderQuestionnaireSent(clinicName: string, nonce: string): string {
  const body = html`<p class="clinic">${clinicName}</p><h1>Already sent, thank you</h1><p>Your answers have reached your clinic. This link was for one use, so there is nothing more to do here.</p>`;
  return renderDocument({ title: `Thank you · ${clinicName}`, nonce, body });
}
