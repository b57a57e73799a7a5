"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import QRCode from "qrcode";
import { getDb } from "@/db/runtime";
import { validatedAction } from "@/lib/actions/validated";
import { isHttpsRequest } from "@/lib/auth/ip";
import { formatInstantDate } from "@/lib/format";
import { getClinicTimeZone } from "@/lib/clinic-settings/preferences";
import { createProgrammeLink, revokeLink } from "./mutations";
import { emailProgrammeLink } from "./email-link";
import { emailLinkSchema, revokeLinkSchema, shareProgrammeSchema } from "./schemas";
import { linkPath } from "./token";

/** The address the patient types or scans, on the host the staff member is using. */
async function readOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  return `${isHttpsRequest(h) ? "https" : "http"}://${host}`;
}

export const shareProgrammeAction = validatedAction(shareProgrammeSchema, async (input, scope) => {
  const db = await getDb(scope);
  const link = await db.transaction((tx) => createProgrammeLink(tx, scope, input.programmeId));
  const url = `${await readOrigin()}${linkPath(link.token)}`;
  const qr = await QRCode.toDataURL(url, { margin: 1, width: 240, errorCorrectionLevel: "M" });
  revalidatePath(`/patients/${link.patientId}/programmes/${input.programmeId}`);
  const until = formatInstantDate(link.expiresAt, await getClinicTimeZone(db, scope));
  return { ok: true, message: `Link made, valid until ${until}. It is shown only now: copy it, print it or let the patient scan it.`, data: { url, qr, token: link.token, until } };
});

/** "Email the link to <address>": queued for the mail worker; its delivery shows in Settings -> Email. */
export const emailLinkAction = validatedAction(emailLinkSchema, async (input, scope) => {
  const db = await getDb(scope);
  const origin = await readOrigin();
  const { recipient } = await db.transaction((tx) => emailProgrammeLink(tx, scope, { ...input, origin }));
  return { ok: true, message: `Email queued for ${recipient}. An admin sees its delivery in Settings → Email.` };
});

export const revokeLinkAction = validatedAction(revokeLinkSchema, async (input, scope) => {
  const db = await getDb(scope);
  const { patientId } = await db.transaction((tx) => revokeLink(tx, scope, input.linkId));
  revalidatePath(`/patients/${patientId}/programmes/${input.programmeId}`);
  return { ok: true, message: "Link revoked: it no longer opens." };
});
