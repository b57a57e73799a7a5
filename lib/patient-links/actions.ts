"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/runtime";
import { validatedAction } from "@/lib/actions/validated";
import { formatInstantDate } from "@/lib/format";
import { getClinicTimeZone } from "@/lib/clinic-settings/preferences";
import { createProgrammeLink, revokeLink } from "./mutations";
import { emailProgrammeLink } from "./email-link";
import { emailLinkSchema, revokeLinkSchema, shareProgrammeSchema } from "./schemas";
import { describeShownLink } from "./shown-link";
import { readRequestOrigin } from "@/lib/net/request-origin";

export const shareProgrammeAction = validatedAction(shareProgrammeSchema, async (input, scope) => {
  const db = await getDb(scope);
  const link = await db.transaction((tx) => createProgrammeLink(tx, scope, input.programmeId));
  const { url, qr } = await describeShownLink(link.token);
  revalidatePath(`/patients/${link.patientId}/programmes/${input.programmeId}`);
  const until = formatInstantDate(link.expiresAt, await getClinicTimeZone(db, scope));
  return { ok: true, message: `Link made, valid until ${until}. It is shown only now: copy it, print it or let the patient scan it.`, data: { url, qr, token: link.token, until } };
});

/** "Email the link to <address>": queued for the mail worker; its delivery shows in Settings -> Email. */
export const emailLinkAction = validatedAction(emailLinkSchema, async (input, scope) => {
  const db = await getDb(scope);
  const origin = await readRequestOrigin();
  const { recipient } = await db.transaction((tx) => emailProgrammeLink(tx, scope, { ...input, origin }));
  return { ok: true, message: `Email queued for ${recipient}. An admin sees its delivery in Settings → Email.` };
});

export const revokeLinkAction = validatedAction(revokeLinkSchema, async (input, scope) => {
  const db = await getDb(scope);
  const { patientId } = await db.transaction((tx) => revokeLink(tx, scope, input.linkId));
  revalidatePath(`/patients/${patientId}/programmes/${input.programmeId}`);
  return { ok: true, message: "Link revoked: it no longer opens." };
});
