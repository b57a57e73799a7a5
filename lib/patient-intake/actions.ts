"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/runtime";
import { validatedAction } from "@/lib/actions/validated";
import { getClinicTimeZone } from "@/lib/clinic-settings/preferences";
import { formatInstantDate } from "@/lib/format";
import { readRequestOrigin } from "@/lib/net/request-origin";
import { describeShownLink } from "@/lib/patient-links/shown-link";
import { emailIntakeLink, sendIntake } from "./mutations";
import { emailIntakeSchema, sendIntakeSchema } from "./schemas";

/** "Intake link": made, shown once (address and QR code), and queued by email in the same transaction when asked. */
export const sendIntakeAction = validatedAction(sendIntakeSchema, async (input, scope) => {
  const db = await getDb(scope);
  const origin = await readRequestOrigin();
  const { sent, recipient } = await db.transaction(async (tx) => {
    const made = await sendIntake(tx, scope, { patientId: input.patientId });
    const mail = input.delivery === "email" ? await emailIntakeLink(tx, scope, { patientId: made.patientId, token: made.token, origin }) : null;
    return { sent: made, recipient: mail?.recipient ?? null };
  });
  const { url, qr } = await describeShownLink(sent.token);
  revalidatePath(`/patients/${sent.patientId}`);
  const until = formatInstantDate(sent.expiresAt, await getClinicTimeZone(db, scope));
  const how = recipient ? `Emailed to ${recipient}; it is also shown here, only now.` : "It is shown only now: copy it or let the patient scan it.";
  return { ok: true, message: `Intake link made, valid until ${until}, for one use. ${how}`, data: { url, qr, token: sent.token, until, emailed: Boolean(recipient) } };
});

/** "Email it": the intake link just shown, to the patient's address on record. */
export const emailIntakeAction = validatedAction(emailIntakeSchema, async (input, scope) => {
  const db = await getDb(scope);
  const origin = await readRequestOrigin();
  const { recipient } = await db.transaction((tx) => emailIntakeLink(tx, scope, { ...input, origin }));
  return { ok: true, message: `Email queued for ${recipient}. An admin sees its delivery in Settings → Email.` };
});
