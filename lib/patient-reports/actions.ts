"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/runtime";
import { validatedAction } from "@/lib/actions/validated";
import { getClinicTimeZone } from "@/lib/clinic-settings/preferences";
import { getInstrument } from "@/lib/clinical/instruments";
import { formatInstantDate } from "@/lib/format";
import { revokeLink } from "@/lib/patient-links/mutations";
import { describeShownLink } from "@/lib/patient-links/shown-link";
import { dismissPatientReport, sendQuestionnaire } from "./mutations";
import { addSchedule, endSchedule } from "./schedules";
import { addScheduleSchema, decideReportSchema, endScheduleSchema, sendQuestionnaireSchema, withdrawQuestionnaireSchema } from "./schemas";

export const sendQuestionnaireAction = validatedAction(sendQuestionnaireSchema, async (input, scope) => {
  const db = await getDb(scope);
  const sent = await db.transaction((tx) => sendQuestionnaire(tx, scope, input));
  const { url, qr } = await describeShownLink(sent.token);
  revalidatePath(`/patients/${sent.patientId}`);
  const until = formatInstantDate(sent.expiresAt, await getClinicTimeZone(db, scope));
  const label = getInstrument(input.instrument).label;
  return { ok: true, message: `${label} link made, valid until ${until}, for one use. It is shown only now: copy it or let the patient scan it.`, data: { url, qr, token: sent.token, until } };
});

export const dismissReportAction = validatedAction(decideReportSchema, async (input, scope) => {
  const db = await getDb(scope);
  await db.transaction((tx) => dismissPatientReport(tx, scope, input));
  revalidatePath(`/patients/${input.patientId}`);
  return { ok: true, message: "Dismissed: it stays listed, and is not taken into an assessment." };
});

export const withdrawQuestionnaireAction = validatedAction(withdrawQuestionnaireSchema, async (input, scope) => {
  const db = await getDb(scope);
  const { patientId } = await db.transaction((tx) => revokeLink(tx, scope, input.linkId));
  revalidatePath(`/patients/${patientId}`);
  return { ok: true, message: "Link withdrawn: it no longer opens." };
});

export const addScheduleAction = validatedAction(addScheduleSchema, async (input, scope) => {
  const db = await getDb(scope);
  await db.transaction((tx) => addSchedule(tx, scope, input));
  revalidatePath(`/patients/${input.patientId}`);
  return { ok: true, message: "Scheduled: when it is due, it shows here to send with one click." };
});

export const endScheduleAction = validatedAction(endScheduleSchema, async (input, scope) => {
  const db = await getDb(scope);
  const { patientId } = await db.transaction((tx) => endSchedule(tx, scope, input.scheduleId));
  revalidatePath(`/patients/${patientId}`);
  return { ok: true, message: "Schedule stopped." };
});
