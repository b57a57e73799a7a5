import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { clinics, exerciseMedia, patients } from "@/db/schema";
import { getClinicTimeZone } from "@/lib/clinic-settings/preferences";
import { todayIn } from "@/lib/format";
import { describeItemDose } from "@/lib/programmes/describe";
import { getProgramme } from "@/lib/programmes/queries";
import type { OpenLink } from "./gate";
import { html, renderDocument, type Markup } from "./html";
import { isEmailEnabled } from "@/lib/env";
import { getReminderSubscription } from "@/lib/mail/reminders";
import { renderReminderForm, type ReminderFormState } from "./reminder-form";
import { linkPath } from "./token";

export type PatientExercise = { itemId: string; name: string; dose: string; instructions: string[]; note: string | null; media: { id: string; contentType: string } | null };
export type PatientProgramme = {
  clinicName: string;
  firstName: string;
  active: boolean;
  today: string;
  exercises: PatientExercise[];
  /** Null when the server sends no email (no reminder form); else the patient's opt-in, if any. */
  reminder: { current: { localTime: string } | null } | null;
};

/**
 * What the patient's phone shows, read inside the link's clinic: the
 * clinic's name, the patient's first name and nothing else about them, and
 * the programme's exercises with dose, instructions and the clinic's media.
 */
export async function loadPatientProgramme(db: Queryable, link: OpenLink): Promise<PatientProgramme> {
  const scope = { clinicId: link.clinicId };
  const [clinic] = await db.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, link.clinicId));
  const [patient] = await db.select({ firstName: patients.firstName }).from(patients).where(and(eq(patients.id, link.patientId), eq(patients.clinicId, link.clinicId)));
  const programme = await getProgramme(db, scope, link.programmeId ?? "");
  const keys = programme.items.flatMap((i) => (i.exercise ? [i.exercise.key] : []));
  const media = keys.length
    ? await db
        .select({ id: exerciseMedia.id, key: exerciseMedia.exerciseKey, contentType: exerciseMedia.contentType })
        .from(exerciseMedia)
        .where(and(eq(exerciseMedia.clinicId, link.clinicId), inArray(exerciseMedia.exerciseKey, keys)))
    : [];
  const mediaByKey = new Map(media.map((m) => [m.key, m]));
  return {
    clinicName: clinic?.name ?? "Your clinic",
    firstName: patient?.firstName ?? "",
    active: programme.status === "active",
    today: todayIn(await getClinicTimeZone(db, scope)),
    reminder: isEmailEnabled() ? { current: await getReminderSubscription(db, scope, link.patientId) } : null,
    exercises: programme.items.map((item) => {
      const m = item.exercise ? mediaByKey.get(item.exercise.key) : undefined;
      return {
        itemId: item.id,
        name: item.exercise?.name ?? "Exercise",
        dose: describeItemDose(item),
        instructions: item.exercise?.instructions ?? [],
        note: item.notes,
        media: m ? { id: m.id, contentType: m.contentType } : null,
      };
    }),
  };
}

function renderMedia(token: string, exercise: PatientExercise): Markup | null {
  if (!exercise.media) return null;
  const src = `${linkPath(token)}/media/${exercise.media.id}`;
  if (exercise.media.contentType.startsWith("video/")) {
    return html`<video class="media" src="${src}" controls preload="metadata" playsinline aria-label="Video: ${exercise.name}"></video>`;
  }
  return html`<img class="media" src="${src}" alt="How to do ${exercise.name}" loading="lazy" width="480" height="320">`;
}

function renderExercise(token: string, exercise: PatientExercise, n: number): Markup {
  return html`<li class="card"><h2 id="ex-${n}">${exercise.name}</h2><p class="dose">${exercise.dose}</p>${renderMedia(token, exercise)}
${exercise.note ? html`<p>${exercise.note}</p>` : ""}
${exercise.instructions.length ? html`<details><summary>How to do it</summary><ol>${exercise.instructions.map((line) => html`<li>${line}</li>`)}</ol></details>` : ""}
<label class="done"><input type="checkbox" name="item" value="${exercise.itemId}" aria-describedby="ex-${n}"> Done</label></li>`;
}

const PAIN = Array.from({ length: 11 }, (_, i) => i);
const EFFORTS = [
  ["too_hard", "Too hard"],
  ["about_right", "About right"],
  ["too_easy", "Too easy"],
] as const;

/** The page at /p/<token>: today's exercises and the session form (it posts without JS; with JS it queues offline). */
export function renderProgrammePage(data: PatientProgramme, token: string, nonce: string, flash: string | null, reminderState: ReminderFormState | null = null): string {
  const title = `Your exercises · ${data.clinicName}`;
  if (!data.active) {
    return renderDocument({ title, nonce, body: html`<p class="clinic">${data.clinicName}</p><h1>This programme has ended</h1><p>Your clinic has replaced or finished it. Ask them for the link to your new programme.</p>` });
  }
  if (data.exercises.length === 0) {
    return renderDocument({ title, nonce, body: html`<p class="clinic">${data.clinicName}</p><h1>Hello ${data.firstName}</h1><p>Your programme has no exercises yet. Your clinic will add them.</p>` });
  }
  const body = html`<header><p class="clinic">${data.clinicName}</p><h1>Hello ${data.firstName}</h1><p class="muted">Today's exercises. Tick each one you did, then save the session.</p></header>
<p id="status" class="status" role="status" aria-live="polite"${reminderState ? html` data-kind="error"` : ""}>${flash ?? ""}</p>
<form id="session-form" method="post" action="${linkPath(token)}/sessions">
<input type="hidden" name="clientId" value="${randomUUID()}"><input type="hidden" name="doneOn" value="${data.today}">
<ol class="exercises">${data.exercises.map((e, i) => renderExercise(token, e, i))}</ol>
<fieldset><legend>Pain during the exercises: 0 is none, 10 the worst imaginable</legend><div class="scale">${PAIN.map((p) => html`<label><input type="radio" name="pain" value="${p}"> ${p}</label>`)}</div></fieldset>
<fieldset><legend>How did the exercises feel?</legend><div class="choices">${EFFORTS.map(([v, label]) => html`<label><input type="radio" name="effort" value="${v}"> ${label}</label>`)}</div></fieldset>
<p><label for="note"><strong>A note for your clinic</strong> (optional)</label><textarea id="note" name="note" maxlength="500"></textarea></p>
<button type="submit">Save today's session</button>
</form>
<p id="queue" class="muted" aria-live="polite"></p>
${data.reminder ? renderReminderForm(token, data.reminder.current, reminderState) : ""}`;
  return renderDocument({ title, nonce, body, script: true });
}
