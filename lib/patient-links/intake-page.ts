import { INTAKE_RED_FLAGS, RED_FLAG_MESSAGES, type RedFlagAnswers, type RedFlagUrgency } from "@/lib/clinical/intake-red-flags";
import type { PhoneIntake } from "@/lib/patient-intake/queries";
import { html, renderDocument, type Markup } from "./html";
import { RED_FLAG_PREFIX } from "./intake-steps";
import { QUESTION_CSS, type ScreenFrame } from "./questionnaire-page";
import { linkPath } from "./token";

/** The intake's name on every screen. */
export const INTAKE_LABEL = "Before your first visit";

const URGENT_CSS = `
.urgent{border:3px solid #b3261e;border-radius:.75rem;padding:1rem;margin:1rem 0;background:var(--card)}
.urgent h2{color:#b3261e;font-size:1.3rem}
@media (prefers-color-scheme:dark){.urgent{border-color:#ffb4ab}.urgent h2{color:#ffb4ab}}
fieldset.flag legend{float:left;width:100%;padding:0;margin:0 0 .25rem}
fieldset.flag[aria-invalid=true]{border:2px solid #b3261e}
@media (prefers-color-scheme:dark){fieldset.flag[aria-invalid=true]{border-color:#ffb4ab}}
.yesno{clear:both;display:grid;grid-template-columns:1fr 1fr;gap:.5rem;padding-top:.5rem}
.yesno label{display:flex;align-items:center;gap:.6rem;min-height:52px;padding:.5rem .75rem;border:1px solid var(--line);border-radius:.6rem;background:var(--bg);font-weight:600}
.yesno label:has(input:checked){border-color:var(--accent);outline:2px solid var(--accent)}
a.call{display:flex;align-items:center;justify-content:center;min-height:52px;border-radius:.75rem;border:2px solid var(--accent);color:var(--accent);font-weight:700;text-decoration:none;margin-top:.75rem}
`;

const CSS = QUESTION_CSS + URGENT_CSS;

/** The message a "yes" calls for, as the reference sets it (lib/clinical/intake-red-flags.ts), and the clinic's phone when it has one. */
export function renderUrgentNotice(urgency: RedFlagUrgency, clinicPhone: string | null): Markup {
  const message = RED_FLAG_MESSAGES[urgency];
  const tel = clinicPhone ? clinicPhone.replace(/[^0-9+]/g, "") : null;
  return html`<section class="urgent" role="alert" aria-labelledby="urgent-title"><h2 id="urgent-title">${message.title}</h2><p>${message.text}</p>${
    tel && urgency === "same-day" ? html`<a class="call" href="tel:${tel}">Call your clinic: ${clinicPhone!}</a>` : ""
  }</section>`;
}

/** The frame of the intake's question screens (NPRS, then ODI), with the same-day message above them when it applies. */
export function intakeFrame(data: PhoneIntake): ScreenFrame {
  return {
    clinicName: data.clinicName,
    firstName: data.firstName,
    label: INTAKE_LABEL,
    intro: 'Now a few questions about your pain and how it affects your day. One question per screen; your answers are sent when you press "Send to my clinic" at the end.',
    notice: data.urgency === "same-day" ? renderUrgentNotice("same-day", data.clinicPhone) : null,
    css: URGENT_CSS,
  };
}

export type RedFlagScreenOptions = { token: string; nonce: string; answers: RedFlagAnswers; missing: readonly string[] | null };

/**
 * The first screen: every red-flag question, "Yes" or "No" each, on one
 * page, sent on their own so that a "yes" reaches the clinic at once.
 */
export function renderRedFlagScreen(data: PhoneIntake, options: RedFlagScreenOptions): string {
  const missing = new Set(options.missing ?? []);
  const error = missing.size > 0 ? `Answer every question to go on: ${missing.size} ${missing.size === 1 ? "is" : "are"} still open.` : null;
  const questions = INTAKE_RED_FLAGS.map((q, i) => {
    const name = `${RED_FLAG_PREFIX}${q.code}`;
    const open = missing.has(q.code);
    const chosen = options.answers[q.code];
    const radio = (value: "yes" | "no", label: string) =>
      html`<label><input type="radio" name="${name}" value="${value}" required${chosen === value ? html` checked` : ""}${open ? html` aria-describedby="rf-error"` : ""}> ${label}</label>`;
    return html`<fieldset class="flag"${open ? html` aria-invalid="true"` : ""}><legend><span class="q">${i + 1}. ${q.question}</span></legend><div class="yesno">${radio("yes", "Yes")}${radio("no", "No")}</div></fieldset>`;
  });
  const body = html`<header><p class="clinic">${data.clinicName}</p><h1>Hello ${data.firstName}</h1>
<p class="muted">${INTAKE_LABEL}: safety questions</p></header>
<p>Before anything else, a few questions to check that physiotherapy is safe for you now. Answer each one "Yes" or "No".</p>
${error ? html`<p id="rf-error" class="error" role="alert">${error}</p>` : ""}
<form method="post" action="${linkPath(options.token)}/answers">
<input type="hidden" name="stage" value="flags">
${questions}
<div class="nav"><button type="submit">Next</button></div>
</form>`;
  return renderDocument({ title: `${INTAKE_LABEL} · ${data.clinicName}`, nonce: options.nonce, body, css: CSS });
}

/** After an emergency answer: the message and nothing to fill in (the clinic has the alert already). */
export function renderUrgentPage(data: PhoneIntake, nonce: string): string {
  const body = html`<p class="clinic">${data.clinicName}</p><h1>Thank you, ${data.firstName}</h1>${renderUrgentNotice("emergency", data.clinicPhone)}<p>There is nothing more to fill in here.</p>`;
  return renderDocument({ title: `${RED_FLAG_MESSAGES.emergency.title} · ${data.clinicName}`, nonce, body, css: CSS });
}
