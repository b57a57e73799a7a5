import { html, renderDocument, type Markup } from "@/lib/patient-links/html";
import type { PublicClinic } from "./queries";
import { CONSENT_TEXT, type EnquiryField } from "./schemas";
import { HONEYPOT_FIELD } from "./spam";

export type FormValues = Partial<Record<EnquiryField, string>>;
export type FormErrors = Partial<Record<EnquiryField, string>>;

function field(name: EnquiryField, label: string, values: FormValues, errors: FormErrors, input: { type?: string; autocomplete?: string; required?: boolean; multiline?: boolean; hint?: string; inputmode?: string }): Markup {
  const id = `f-${name}`;
  const error = errors[name];
  const describedBy = [input.hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  const attrs = html` id="${id}" name="${name}"${input.autocomplete ? html` autocomplete="${input.autocomplete}"` : ""}${input.inputmode ? html` inputmode="${input.inputmode}"` : ""}${input.required ? html` required aria-required="true"` : ""}${error ? html` aria-invalid="true"` : ""}${describedBy ? html` aria-describedby="${describedBy}"` : ""}`;
  const control = input.multiline
    ? html`<textarea${attrs}>${values[name] ?? ""}</textarea>`
    : html`<input type="${input.type ?? "text"}"${attrs} value="${values[name] ?? ""}">`;
  return html`<div class="field"><label for="${id}">${label}${input.required ? "" : html` <span class="muted">(optional)</span>`}</label>
${input.hint ? html`<p class="muted hint" id="${id}-hint">${input.hint}</p>` : ""}${control}${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ""}</div>`;
}


/** The public enquiry form: phone first, six fields, one button. */
export function renderEnquiryForm(clinic: PublicClinic, slug: string, options: { nonce: string; stamp: string; values?: FormValues; errors?: FormErrors; embed?: boolean }): string {
  const values = options.values ?? {};
  const errors = options.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  const body = html`<p class="clinic">${clinic.name}</p>
<h1>Ask us about your back</h1>
<p>Fill out the form, and we'll get back to you within 24 hours.</p>
${hasErrors ? html`<p class="status" data-kind="error" role="alert">Some fields need attention.</p>` : ""}
<form method="post" action="/enquire/${slug}${options.embed ? "/embed" : ""}" class="card" novalidate>
${field("name", "Your name", values, errors, { autocomplete: "name", required: true })}
${field("phone", "Phone number", values, errors, { type: "tel", autocomplete: "tel", required: true, inputmode: "tel" })}
${field("email", "Email", values, errors, { type: "email", autocomplete: "email" })}
${field("concern", "What is wrong?", values, errors, { multiline: true, required: true, hint: "For example: low back pain for 3 weeks, worse sitting." })}
${field("preferredTimes", "Best times to call you", values, errors, { hint: "For example: weekday mornings." })}
<div class="field trap" aria-hidden="true"><label for="f-${HONEYPOT_FIELD}">Leave this empty</label><input type="text" id="f-${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off"></div>
<input type="hidden" name="stamp" value="${options.stamp}">
<div class="field"><label class="consent"><input type="checkbox" name="consent" value="yes"${values.consent === "yes" ? " checked" : ""}${errors.consent ? html` aria-invalid="true" aria-describedby="f-consent-error"` : ""}> <span>${CONSENT_TEXT}</span></label>
${errors.consent ? html`<p class="field-error" id="f-consent-error">${errors.consent}</p>` : ""}</div>
<button type="submit">Send enquiry</button>
</form>
`;
  return withFormStyles(renderDocument({ title: `Enquiry: ${clinic.name}`, nonce: options.nonce, body }));
}

export function renderThanks(clinic: PublicClinic, nonce: string): string {
  return renderDocument({
    title: `Thank you: ${clinic.name}`,
    nonce,
    body: html`<p class="clinic">${clinic.name}</p><h1>Thank you</h1><p class="status" role="status">Your enquiry has been sent.</p><p>We will call you within 24 hours.</p>`,
  });
}

export function renderPlain(title: string, message: string, nonce: string): string {
  return renderDocument({ title, nonce, body: html`<h1>${title}</h1><p>${message}</p>` });
}

const EXTRA_CSS = `.field{margin:0 0 1rem}.field label{display:block;font-weight:600;margin:0 0 .25rem}
input[type=text],input[type=tel],input[type=email]{width:100%;min-height:48px;font:inherit;color:inherit;background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:.5rem}
.hint{font-size:.9rem;margin:0 0 .25rem}.field-error{color:#b3261e;font-weight:600;margin:.25rem 0 0}
@media (prefers-color-scheme:dark){.field-error{color:#ffb4ab}}
label.consent{display:flex;gap:.75rem;align-items:flex-start;font-weight:400}label.consent input{flex:none;margin-top:.15rem}
.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}`;

/** The form's few extra rules go into the document's one nonce'd style element. */
function withFormStyles(page: string): string {
  return page.replace("</style>", `${EXTRA_CSS}</style>`);
}
