import { z } from "zod";
import { reminderInput } from "@/lib/mail/reminders";
import { html, type Markup } from "./html";
import { linkPath } from "./token";

/**
 * The phone page's reminder form: opt in (an address and a time of day) or
 * stop. The messages are the patient's; subscribeToReminders checks the same
 * fields again with its own schema (lib/mail/reminders.ts owns the rule).
 */
export const reminderFormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("subscribe"),
    email: z.string().trim().min(1, "Enter your email address").max(254, "That address is too long").email("Enter an email address like name@example.com"),
    time: reminderInput.shape.localTime,
  }),
  z.object({ intent: z.literal("stop") }),
]);

/** What the form shows again after a refusal: what was typed, and a message per field. */
export type ReminderFormState = { values: { email?: string; time?: string }; errors: { email?: string; time?: string } };

/** The reminder part of the phone page; only shown when the server sends email. */
export function renderReminderForm(token: string, current: { localTime: string } | null, state: ReminderFormState | null): Markup {
  const action = `${linkPath(token)}/reminders`;
  if (current && !state) {
    return html`<section class="card" aria-labelledby="reminder-title"><h2 id="reminder-title">Daily reminder</h2>
<p>You get an email every day at ${current.localTime} (your clinic's time). Every reminder has a link to stop them too.</p>
<form method="post" action="${action}"><input type="hidden" name="intent" value="stop"><button type="submit">Stop daily reminders</button></form></section>`;
  }
  const v = state?.values ?? {};
  const e = state?.errors ?? {};
  const field = (name: "email" | "time", label: string, type: string, extra: Markup) =>
    html`<p><label for="reminder-${name}"><strong>${label}</strong></label>
<input id="reminder-${name}" name="${name}" type="${type}" value="${v[name] ?? ""}" ${extra} ${e[name] ? html`aria-invalid="true" aria-describedby="reminder-${name}-error"` : ""}>
${e[name] ? html`<span id="reminder-${name}-error" class="field-error">${e[name]}</span>` : ""}</p>`;
  return html`<section class="card" aria-labelledby="reminder-title"><h2 id="reminder-title">Daily reminder</h2>
<p class="muted">An email once a day to remind you of your exercises. It holds only a link to this page, and a link to stop the reminders.</p>
<form method="post" action="${action}" novalidate><input type="hidden" name="intent" value="subscribe">
${field("email", "Your email address", "email", html`autocomplete="email" inputmode="email" required maxlength="254"`)}
${field("time", "Time of day", "time", html`required`)}
<button type="submit">Send me a daily reminder</button></form></section>`;
}
