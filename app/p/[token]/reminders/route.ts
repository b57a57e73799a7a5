import { writeLinkAudit } from "@/lib/audit";
import { isEmailEnabled, resolveAuthSecret } from "@/lib/env";
import { findTextProblem } from "@/lib/forms/text";
import { stopReminders, subscribeToReminders } from "@/lib/mail/reminders";
import { answerWithLink } from "@/lib/patient-links/context";
import { html, renderDocument } from "@/lib/patient-links/html";
import { loadPatientProgramme, renderProgrammePage } from "@/lib/patient-links/programme-page";
import { reminderFormSchema, type ReminderFormState } from "@/lib/patient-links/reminder-form";
import { LINK_HEADERS, readNonce, respondLinkHtml } from "@/lib/patient-links/responses";
import { linkPath } from "@/lib/patient-links/token";

export const dynamic = "force-dynamic";

function readText(form: FormData, key: string): string | undefined {
  const v = form.get(key);
  return typeof v === "string" ? v : undefined;
}

/**
 * The daily reminder opt-in from the phone page (a plain form, no JS): the
 * same gate, throttle and audit as the session form. Opting in or stopping
 * answers 303 back to the page with a confirmation; a refusal shows the page
 * again with the message next to the field, and nothing is written.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  return answerWithLink(
    request,
    params,
    async ({ link, actor, db }) => {
      const { token } = await params;
      const nonce = readNonce(request);
      if (!isEmailEnabled()) {
        return respondLinkHtml(404, renderDocument({ title: "Reminders are not available", nonce, body: html`<h1>Reminders are not available</h1><p>Your clinic does not send email from here. <a href="${linkPath(token)}">Back to your exercises</a></p>` }));
      }
      let form: FormData;
      try {
        form = await request.formData();
      } catch {
        return respondLinkHtml(400, renderDocument({ title: "Not sent", nonce, body: html`<h1>That did not arrive whole</h1><p><a href="${linkPath(token)}">Back to your exercises</a></p>` }));
      }
      const values = { email: readText(form, "email"), time: readText(form, "time") };
      const parsed = reminderFormSchema.safeParse({ intent: readText(form, "intent"), ...values });
      const unstorable = values.email ? findTextProblem(values.email, "Email address", "single") : null;
      if (!parsed.success || unstorable) {
        const errors: ReminderFormState["errors"] = {};
        for (const issue of parsed.success ? [] : parsed.error.issues) {
          const key = issue.path[0];
          if ((key === "email" || key === "time") && !errors[key]) errors[key] = issue.message;
        }
        if (unstorable) errors.email = unstorable;
        if (!errors.email && !errors.time) errors.email = "Choose to start or stop the reminders";
        const data = await loadPatientProgramme(db, link);
        return respondLinkHtml(400, renderProgrammePage(data, token, nonce, "Please check the reminder form.", { values, errors }));
      }
      const scope = { clinicId: link.clinicId };
      const input = parsed.data;
      await db.transaction(async (tx) => {
        if (input.intent === "subscribe") {
          const id = await subscribeToReminders(tx, scope, { patientId: link.patientId, recipient: input.email, localTime: input.time, linkPath: linkPath(token) }, resolveAuthSecret());
          await writeLinkAudit(tx, actor, { action: "update", entity: { name: "reminder_subscription", id }, reason: "opted in to exercise reminders", detail: { localTime: input.time } });
        } else {
          const id = await stopReminders(tx, scope, link.patientId);
          if (id) await writeLinkAudit(tx, actor, { action: "update", entity: { name: "reminder_subscription", id }, reason: "opted out of exercise reminders" });
        }
      });
      const done = input.intent === "subscribe" ? "reminder-on" : "reminder-off";
      return new Response(null, { status: 303, headers: { ...LINK_HEADERS, location: `${linkPath(token)}?done=${done}` } });
    },
    { purpose: "programme" },
  );
}
