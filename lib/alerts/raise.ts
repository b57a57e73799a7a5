import { and, desc, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import type { Database, Queryable, Transaction } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import { patientAlerts, programmeSessionLogs, type AlertKind, type SessionEffort } from "@/db/schema";
import { writeLinkAudit, writeSystemAudit, type LinkActor } from "@/lib/audit";
import type { ClinicScope } from "@/lib/auth/scope-types";
import type { RedFlagUrgency } from "@/lib/clinical/intake-red-flags";
import { daysBetween, isNotLogging, isPainAlert, isTooHardAlert, trailingTooHardRun } from "@/lib/clinical/alert-rules";
import { getClinicTimeZone } from "@/lib/clinic-settings/preferences";
import { todayIn } from "@/lib/format";
import { getAlertThresholds } from "./thresholds";

export type LoggedSession = { logId: string; programmeId: string; pain: number | null; effort: SessionEffort | null };

/** The open alert of a kind for a programme, locked: the programme row is locked by the caller too, so reports are counted one at a time. */
async function findOpen(tx: Queryable, clinicId: string, programmeId: string, kind: AlertKind) {
  const [row] = await tx
    .select({ id: patientAlerts.id, detail: patientAlerts.detail })
    .from(patientAlerts)
    .where(and(eq(patientAlerts.clinicId, clinicId), eq(patientAlerts.programmeId, programmeId), eq(patientAlerts.kind, kind), isNull(patientAlerts.acknowledgedAt)))
    .for("update");
  return row ?? null;
}

/**
 * After a home session is saved (lib/adherence/patient-reported.ts, same
 * transaction, programme row locked): pain at or above the clinic's threshold
 * raises a pain alert, or raises the open one's figure; the run of "too hard"
 * answers since the last acknowledged "too hard" alert raises one at the
 * clinic's run length. Returns the kinds raised or updated.
 */
export async function raiseSessionAlerts(tx: Transaction, actor: LinkActor, session: LoggedSession, now = new Date()): Promise<AlertKind[]> {
  const thresholds = await getAlertThresholds(tx, actor);
  const raised: AlertKind[] = [];
  const base = { clinicId: actor.clinicId, patientId: actor.patientId, programmeId: session.programmeId };

  if (isPainAlert(session.pain, thresholds)) {
    const pain = session.pain!;
    const open = await findOpen(tx, actor.clinicId, session.programmeId, "pain_high");
    let alertId: string;
    if (open) {
      alertId = open.id;
      await tx
        .update(patientAlerts)
        .set({ detail: { pain: Math.max(pain, open.detail.pain ?? 0) }, sessionLogId: session.logId, updatedAt: now })
        .where(eq(patientAlerts.id, open.id));
    } else {
      const [row] = await tx.insert(patientAlerts).values({ ...base, kind: "pain_high", detail: { pain }, sessionLogId: session.logId, raisedAt: now, updatedAt: now }).returning({ id: patientAlerts.id });
      alertId = row!.id;
    }
    await writeLinkAudit(tx, actor, { action: "create", detail: { entity: "patient_alert", alertId, kind: "pain_high", raised: !open } });
    raised.push("pain_high");
  }

  if (session.effort === "too_hard") {
    const [lastAck] = await tx
      .select({ at: patientAlerts.acknowledgedAt })
      .from(patientAlerts)
      .where(and(eq(patientAlerts.clinicId, actor.clinicId), eq(patientAlerts.programmeId, session.programmeId), eq(patientAlerts.kind, "too_hard"), isNotNull(patientAlerts.acknowledgedAt)))
      .orderBy(desc(patientAlerts.acknowledgedAt))
      .limit(1);
    const recent = await tx
      .select({ effort: programmeSessionLogs.effort })
      .from(programmeSessionLogs)
      .where(
        and(
          eq(programmeSessionLogs.clinicId, actor.clinicId),
          eq(programmeSessionLogs.programmeId, session.programmeId),
          isNotNull(programmeSessionLogs.effort),
          lastAck?.at ? gt(programmeSessionLogs.recordedAt, lastAck.at) : undefined,
        ),
      )
      .orderBy(desc(programmeSessionLogs.doneOn), desc(programmeSessionLogs.recordedAt))
      .limit(thresholds.tooHardRun);
    const efforts = recent.map((r) => r.effort).reverse();
    if (isTooHardAlert(efforts, thresholds)) {
      const run = trailingTooHardRun(efforts);
      const open = await findOpen(tx, actor.clinicId, session.programmeId, "too_hard");
      if (!open) {
        const [row] = await tx.insert(patientAlerts).values({ ...base, kind: "too_hard", detail: { run }, sessionLogId: session.logId, raisedAt: now, updatedAt: now }).returning({ id: patientAlerts.id });
        await writeLinkAudit(tx, actor, { action: "create", detail: { entity: "patient_alert", alertId: row!.id, kind: "too_hard", raised: true } });
        raised.push("too_hard");
      }
    }
  }
  return raised;
}

/**
 * A red flag answered "yes" in the patient's intake (lib/patient-intake, same
 * transaction as the answers): one urgent alert, not tied to a programme, with
 * the codes and the message the patient was shown. Returns its id.
 */
export async function raiseRedFlagAlert(tx: Transaction, actor: LinkActor, outcome: { positive: string[]; urgency: RedFlagUrgency }, now = new Date()): Promise<string> {
  const [row] = await tx
    .insert(patientAlerts)
    .values({ clinicId: actor.clinicId, patientId: actor.patientId, programmeId: null, kind: "red_flag", detail: { flags: outcome.positive, urgency: outcome.urgency }, raisedAt: now, updatedAt: now })
    .returning({ id: patientAlerts.id });
  if (!row) throw new Error("insert returned no row");
  await writeLinkAudit(tx, actor, { action: "create", detail: { entity: "patient_alert", alertId: row.id, kind: "red_flag", raised: true } });
  return row.id;
}

type QuietRow = { programme_id: string; patient_id: string; link_created_on: string; last_done_on: string | null; last_alert_on: string | null; open_alert: boolean };

/**
 * The "stopped logging" check for one clinic (hourly, lib/alerts/job.ts; the
 * handle is scoped to that clinic): every active programme with a link in
 * force whose last session logged (or, before any, the link's day) is the
 * clinic's number of days back raises one alert per quiet spell: not again
 * until the patient logs again, even once acknowledged. Audited as the system.
 */
export async function raiseNotLoggingAlerts(db: Database, scope: ClinicScope, now = new Date()): Promise<number> {
  const thresholds = await getAlertThresholds(db, scope);
  const timeZone = await getClinicTimeZone(db, scope);
  const today = todayIn(timeZone, now);
  const rows = await queryRows<QuietRow>(
    db,
    // Sessions are counted by the link they came through: a programme edited into a new version keeps
    // its link (lib/programmes/mutations.ts), and the sessions logged before the edit still count.
    sql`select p.id as programme_id, p.patient_id,
          (min(l.created_at) at time zone ${timeZone})::date::text as link_created_on,
          max(s.done_on)::text as last_done_on,
          (select (max(a.raised_at) at time zone ${timeZone})::date::text from patient_alert a
             where a.clinic_id = p.clinic_id and a.programme_id = p.id and a.kind = 'not_logging') as last_alert_on,
          exists (select 1 from patient_alert a where a.clinic_id = p.clinic_id and a.programme_id = p.id
             and a.kind = 'not_logging' and a.acknowledged_at is null) as open_alert
        from programme p
        join patient_link l on l.clinic_id = p.clinic_id and l.programme_id = p.id
          and l.purpose = 'programme' and l.revoked_at is null and l.expires_at > ${now.toISOString()}::timestamptz
        join patient pt on pt.clinic_id = p.clinic_id and pt.id = p.patient_id and pt.archived_at is null
        left join programme_session_log s on s.clinic_id = l.clinic_id and s.link_id = l.id
        where p.clinic_id = ${scope.clinicId} and p.status = 'active'
        group by p.id, p.patient_id, p.clinic_id`,
  );
  let raised = 0;
  for (const row of rows) {
    if (row.open_alert) continue;
    const lastActivityOn = row.last_done_on && row.last_done_on > row.link_created_on ? row.last_done_on : row.link_created_on;
    if (!isNotLogging(lastActivityOn, today, thresholds)) continue;
    // Already alerted for this quiet spell (an alert raised after the last activity, since acknowledged).
    if (row.last_alert_on && row.last_alert_on > lastActivityOn) continue;
    const days = daysBetween(lastActivityOn, today);
    const made = await db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(patientAlerts)
        .values({ clinicId: scope.clinicId, patientId: row.patient_id, programmeId: row.programme_id, kind: "not_logging", detail: { lastActivityOn, days }, raisedAt: now, updatedAt: now })
        .onConflictDoNothing()
        .returning({ id: patientAlerts.id });
      if (!inserted) return false;
      await writeSystemAudit(tx, scope.clinicId, { action: "create", entity: "patient_alert", entityId: inserted.id, patientId: row.patient_id, reason: "not_logging", detail: { kind: "not_logging", days } });
      return true;
    });
    if (made) raised += 1;
  }
  return raised;
}
