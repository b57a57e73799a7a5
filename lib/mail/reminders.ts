import { createHash, createHmac } from "node:crypto";
import { and, eq, isNull, or, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Queryable } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import { auditEvents, reminderSubscriptions } from "@/db/schema";
import { dueReminders, type ReminderSchedule } from "./due";
import { enqueueEmail } from "./outbound";
import type { MailQueue } from "./queue";

export const reminderInput = z.object({
  patientId: z.string().uuid(),
  recipient: z.string().trim().email().max(254),
  localTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Choose a time of day (HH:mm)"),
  /** Where the reminder points, supplied by the caller (the patient link, /p/<token>). */
  linkPath: z.string().regex(/^\/[A-Za-z0-9/_-]{1,300}$/, "A path on this site"),
});
export type ReminderInput = z.input<typeof reminderInput>;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * The opt-out token of a subscription: 256 bits keyed by the server secret, so
 * every reminder can carry the same one-click link while the database keeps
 * only its hash.
 */
export function optOutToken(subscriptionId: string, secret: string): string {
  return createHmac("sha256", secret).update(`reminder-opt-out:${subscriptionId}`).digest("base64url");
}

/** Opts a patient in (or changes the time); one subscription per patient. Caller's transaction, caller audits. */
export async function subscribeToReminders(tx: Queryable, scope: { clinicId: string }, input: ReminderInput, secret: string): Promise<string> {
  const v = reminderInput.parse(input);
  const [existing] = await tx
    .select({ id: reminderSubscriptions.id })
    .from(reminderSubscriptions)
    .where(and(eq(reminderSubscriptions.clinicId, scope.clinicId), eq(reminderSubscriptions.patientId, v.patientId)));
  if (existing) {
    await tx
      .update(reminderSubscriptions)
      .set({ recipient: v.recipient, localTime: v.localTime, linkPath: v.linkPath, optedOutAt: null })
      .where(eq(reminderSubscriptions.id, existing.id));
    return existing.id;
  }
  const id = crypto.randomUUID();
  await tx.insert(reminderSubscriptions).values({
    id,
    clinicId: scope.clinicId,
    patientId: v.patientId,
    recipient: v.recipient,
    localTime: v.localTime,
    linkPath: v.linkPath,
    optOutTokenHash: hashToken(optOutToken(id, secret)),
  });
  return id;
}

/** The patient's current opt-in, if any (the phone page shows it and offers to stop it). */
export async function getReminderSubscription(db: Queryable, scope: { clinicId: string }, patientId: string): Promise<{ id: string; localTime: string } | null> {
  const [row] = await db
    .select({ id: reminderSubscriptions.id, localTime: reminderSubscriptions.localTime })
    .from(reminderSubscriptions)
    .where(and(eq(reminderSubscriptions.clinicId, scope.clinicId), eq(reminderSubscriptions.patientId, patientId), isNull(reminderSubscriptions.optedOutAt)));
  return row ?? null;
}

/** Stops the patient's reminders (from the phone page). Caller's transaction, caller audits. Null when none was on. */
export async function stopReminders(tx: Queryable, scope: { clinicId: string }, patientId: string, now = new Date()): Promise<string | null> {
  const [row] = await tx
    .update(reminderSubscriptions)
    .set({ optedOutAt: now })
    .where(and(eq(reminderSubscriptions.clinicId, scope.clinicId), eq(reminderSubscriptions.patientId, patientId), isNull(reminderSubscriptions.optedOutAt)))
    .returning({ id: reminderSubscriptions.id });
  return row?.id ?? null;
}

/**
 * The public one-click opt-out: finds the subscription by the token's hash
 * (any clinic, owner function), stops it, and audits it in its clinic with the
 * opt-out link as the actor. False when the token matches nothing.
 */
export async function optOutByToken(db: Database, forClinic: (id: string) => Promise<Database>, token: string, ip: string | null): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return false;
  const [row] = await queryRows<{ id: string; clinic_id: string; patient_id: string }>(db, sql`select id, clinic_id, patient_id from reminder_opt_out(${hashToken(token)})`);
  if (!row) return false;
  const scoped = await forClinic(row.clinic_id);
  await scoped.insert(auditEvents).values({
    clinicId: row.clinic_id,
    actorId: null,
    actorEmail: "reminder opt-out link",
    patientId: row.patient_id,
    entity: "reminder_subscription",
    entityId: row.id,
    action: "update",
    ip,
    reason: "opted out of exercise reminders",
  });
  return true;
}

/**
 * Queues today's due reminders across clinics; each is marked sent for the
 * clinic-local date and queued in one transaction, so a reminder is queued once.
 */
export async function enqueueDueReminders(
  db: Database,
  forClinic: (id: string) => Promise<Database>,
  opts: { now: Date; baseUrl: string; secret: string; queue?: MailQueue | null },
): Promise<number> {
  const rows = await queryRows<{ id: string; clinic_id: string; local_time: string; last_sent_on: string | null; time_zone: string }>(
    db,
    sql`select id, clinic_id, local_time, last_sent_on, time_zone from active_reminder_subscriptions()`,
  );
  const subs: ReminderSchedule[] = rows.map((r) => ({ id: r.id, clinicId: r.clinic_id, localTime: r.local_time, lastSentOn: r.last_sent_on, timeZone: r.time_zone }));
  let queued = 0;
  for (const { sub, localDate } of dueReminders(subs, opts.now)) {
    const scoped = await forClinic(sub.clinicId);
    await scoped.transaction(async (tx) => {
      const [claimed] = await tx
        .update(reminderSubscriptions)
        .set({ lastSentOn: localDate })
        .where(
          and(
            eq(reminderSubscriptions.id, sub.id),
            isNull(reminderSubscriptions.optedOutAt),
            or(isNull(reminderSubscriptions.lastSentOn), ne(reminderSubscriptions.lastSentOn, localDate)),
          ),
        )
        .returning({ recipient: reminderSubscriptions.recipient, linkPath: reminderSubscriptions.linkPath, patientId: reminderSubscriptions.patientId });
      if (!claimed) return;
      const base = opts.baseUrl.replace(/\/$/, "");
      await enqueueEmail(tx, { clinicId: sub.clinicId }, {
        recipient: claimed.recipient,
        purpose: "exercise_reminder",
        patientId: claimed.patientId,
        subject: "Your exercises for today",
        text: [
          "A reminder to do today's exercises from your clinic.",
          "",
          `Open your programme: ${base}${claimed.linkPath}`,
          "",
          `Stop these reminders (one click): ${base}/reminders/opt-out/${optOutToken(sub.id, opts.secret)}`,
        ].join("\n"),
      }, opts.queue);
      queued++;
    });
  }
  return queued;
}
