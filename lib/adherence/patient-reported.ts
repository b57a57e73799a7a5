import { and, desc, eq, gte, lte, sql } from "drizzle-orm";
import { subDays } from "date-fns";
import type { Transaction } from "@/db/client";
import { adherenceEntries, programmeSessionLogs, programmes, type SessionEffort } from "@/db/schema";
import { writeLinkAudit, type LinkActor } from "@/lib/audit";
import { NotFoundError, RuleError } from "@/lib/errors";
import { formatDate, todayIn } from "@/lib/format";
import { getProgramme } from "@/lib/programmes/queries";
import { raiseSessionAlerts } from "@/lib/alerts/raise";
import { refreshPatientSummary } from "@/lib/summaries/refresh";
import { computePrescribedSessions, getWeekEnd, getWeekStart } from "./rules";

/** How far back a session saved on the phone may be dated: a queue kept offline for two weeks [U: our choice]. */
export const PATIENT_LOG_MAX_AGE_DAYS = 14;

export type PatientSessionInput = {
  clientId: string;
  doneOn: string;
  itemsDone: string[];
  pain: number | null;
  effort: SessionEffort | null;
  note: string | null;
};

/**
 * One home session the patient logged through a link, then that week's
 * patient-reported adherence row recomputed from the week's logs. The
 * programme row is locked first, so concurrent saves of one programme are
 * counted one after the other. A session sent again with the same client id
 * (a retried offline queue) inserts nothing and changes nothing.
 */
export async function recordPatientSession(
  tx: Transaction,
  actor: LinkActor & { programmeId: string },
  input: PatientSessionInput,
  now = new Date(),
): Promise<{ duplicate: boolean }> {
  const scope = { clinicId: actor.clinicId };
  const [locked] = await tx
    .select({ id: programmes.id, status: programmes.status, startDate: programmes.startDate })
    .from(programmes)
    .where(and(eq(programmes.id, actor.programmeId), eq(programmes.clinicId, actor.clinicId), eq(programmes.patientId, actor.patientId)))
    .for("update");
  if (!locked) throw new NotFoundError("Programme");
  if (locked.status !== "active") throw new RuleError("This programme has ended: ask your clinic for the new one.");
  const programme = await getProgramme(tx, scope, locked.id);
  const itemIds = new Set(programme.items.map((i) => i.id));
  if (input.itemsDone.some((id) => !itemIds.has(id))) throw new RuleError("An exercise ticked is not in this programme.", "item");

  // The phone dates the session in its own zone: no phone anywhere (UTC+14 at most) is past this day yet.
  const latest = todayIn("Pacific/Kiritimati", now);
  const earliest = todayIn("UTC", subDays(now, PATIENT_LOG_MAX_AGE_DAYS));
  if (input.doneOn > latest) throw new RuleError("That day is in the future.", "doneOn");
  if (input.doneOn < earliest) throw new RuleError(`Sessions older than ${PATIENT_LOG_MAX_AGE_DAYS} days cannot be added here.`, "doneOn");
  if (input.doneOn < programme.startDate) throw new RuleError(`The programme starts on ${formatDate(programme.startDate)}.`, "doneOn");

  const [row] = await tx
    .insert(programmeSessionLogs)
    .values({
      clinicId: actor.clinicId,
      patientId: actor.patientId,
      programmeId: programme.id,
      linkId: actor.linkId,
      clientId: input.clientId,
      doneOn: input.doneOn,
      itemsDone: input.itemsDone,
      pain: input.pain,
      effort: input.effort,
      note: input.note,
      recordedAt: now,
    })
    .onConflictDoNothing({ target: [programmeSessionLogs.clinicId, programmeSessionLogs.linkId, programmeSessionLogs.clientId] })
    .returning({ id: programmeSessionLogs.id });
  if (!row) return { duplicate: true };
  await writeLinkAudit(tx, actor, {
    action: "create",
    detail: { entity: "programme_session_log", logId: row.id, programmeId: programme.id, doneOn: input.doneOn, exercisesDone: input.itemsDone.length },
  });
  await raiseSessionAlerts(tx, actor, { logId: row.id, programmeId: programme.id, pain: input.pain, effort: input.effort }, now);
  const prescribed = computePrescribedSessions(programme.items.map((i) => ({ ...i, category: i.exercise?.category ?? null })));
  await refreshPatientReportedWeek(tx, actor, programme.id, getWeekStart(input.doneOn), prescribed, now);
  await refreshPatientSummary(tx, scope, actor.patientId);
  return { duplicate: false };
}

/**
 * The week's patient-reported adherence: sessions with at least one exercise
 * ticked [U: house rule], against the programme's weekly rule
 * (computePrescribedSessions); the highest pain; the latest note. A week
 * staff recorded at a visit keeps the staff figures.
 */
async function refreshPatientReportedWeek(tx: Transaction, actor: LinkActor, programmeId: string, weekStart: string, prescribed: number, now: Date): Promise<void> {
  const inWeek = and(
    eq(programmeSessionLogs.clinicId, actor.clinicId),
    eq(programmeSessionLogs.programmeId, programmeId),
    gte(programmeSessionLogs.doneOn, weekStart),
    lte(programmeSessionLogs.doneOn, getWeekEnd(weekStart)),
  );
  const [staff] = await tx
    .select({ id: adherenceEntries.id })
    .from(adherenceEntries)
    .where(and(eq(adherenceEntries.clinicId, actor.clinicId), eq(adherenceEntries.programmeId, programmeId), eq(adherenceEntries.weekStart, weekStart), eq(adherenceEntries.source, "staff")));
  if (staff) return;
  const [totals] = await tx
    .select({ done: sql<number>`count(*) filter (where cardinality(${programmeSessionLogs.itemsDone}) > 0)::int`, pain: sql<number | null>`max(${programmeSessionLogs.pain})` })
    .from(programmeSessionLogs)
    .where(inWeek);
  const [lastNote] = await tx
    .select({ note: programmeSessionLogs.note })
    .from(programmeSessionLogs)
    .where(and(inWeek, sql`${programmeSessionLogs.note} is not null`))
    .orderBy(desc(programmeSessionLogs.recordedAt))
    .limit(1);
  const values = {
    sessionsDone: Number(totals?.done ?? 0),
    sessionsPrescribed: prescribed,
    painDuring: totals?.pain === null || totals?.pain === undefined ? null : Number(totals.pain),
    note: lastNote?.note ?? null,
    recordedAt: now,
  };
  await tx
    .insert(adherenceEntries)
    .values({ clinicId: actor.clinicId, patientId: actor.patientId, programmeId, weekStart, source: "patient", recordedBy: null, ...values })
    .onConflictDoUpdate({ target: [adherenceEntries.clinicId, adherenceEntries.programmeId, adherenceEntries.weekStart], targetWhere: sql`source = 'patient'`, set: values });
}
