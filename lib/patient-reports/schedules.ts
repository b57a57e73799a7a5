import { and, eq, inArray, isNull, max } from "drizzle-orm";
import type { Queryable, Transaction } from "@/db/client";
import { patientReports, programmes, questionnaireSchedules, type QuestionnaireSchedule } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import type { InstrumentId } from "@/lib/clinical/instruments/types";
import { findDueDate, isDueOn, type ScheduleRule } from "@/lib/clinical/questionnaire-schedule";
import { isUuid, NotFoundError, RuleError } from "@/lib/errors";
import { todayIn } from "@/lib/format";
import { getBaselinePsfs } from "./queries";
import { NO_BASELINE_PSFS } from "./schemas";

type ActiveProgramme = { id: string; startDate: string; reviewDate: string | null; chain: string[] };

/** The patient's active programme and the ids of its earlier versions: a schedule made on one version carries to the next. */
async function getActiveChain(db: Queryable, scope: Scope, patientId: string): Promise<ActiveProgramme | null> {
  const rows = await db
    .select({ id: programmes.id, supersedesId: programmes.supersedesId, status: programmes.status, startDate: programmes.startDate, reviewDate: programmes.reviewDate })
    .from(programmes)
    .where(and(eq(programmes.clinicId, scope.clinicId), eq(programmes.patientId, patientId)));
  const active = rows.find((r) => r.status === "active");
  if (!active) return null;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const chain: string[] = [];
  for (let at: typeof active | undefined = active; at && !chain.includes(at.id); at = at.supersedesId ? byId.get(at.supersedesId) : undefined) chain.push(at.id);
  return { id: active.id, startDate: active.startDate, reviewDate: active.reviewDate, chain };
}

export type ScheduleRow = Pick<QuestionnaireSchedule, "id" | "instrument" | "rule" | "everyWeeks"> & { dueOn: string | null; due: boolean; lastSentOn: string | null };

/** The active programme's schedules, each with its next due day (in the clinic's zone) and whether it is due now. */
export async function listSchedules(db: Queryable, scope: Scope, patientId: string, timeZone: string, now = new Date()): Promise<{ programmeId: string | null; schedules: ScheduleRow[] }> {
  if (!isUuid(patientId)) return { programmeId: null, schedules: [] };
  const programme = await getActiveChain(db, scope, patientId);
  if (!programme) return { programmeId: null, schedules: [] };
  const [rows, sent] = await Promise.all([
    db
      .select()
      .from(questionnaireSchedules)
      .where(and(eq(questionnaireSchedules.clinicId, scope.clinicId), eq(questionnaireSchedules.patientId, patientId), inArray(questionnaireSchedules.programmeId, programme.chain), isNull(questionnaireSchedules.endedAt)))
      .orderBy(questionnaireSchedules.createdAt),
    db
      .select({ instrument: patientReports.instrument, at: max(patientReports.createdAt) })
      .from(patientReports)
      .where(and(eq(patientReports.clinicId, scope.clinicId), eq(patientReports.patientId, patientId)))
      .groupBy(patientReports.instrument),
  ]);
  const lastSent = new Map(sent.map((s) => [s.instrument, s.at ? todayIn(timeZone, s.at) : null]));
  const today = todayIn(timeZone, now);
  return {
    programmeId: programme.id,
    schedules: rows.map((r) => {
      const lastSentOn = lastSent.get(r.instrument) ?? null;
      const dueOn = findDueDate({ rule: r.rule, everyWeeks: r.everyWeeks }, programme, lastSentOn);
      return { id: r.id, instrument: r.instrument, rule: r.rule, everyWeeks: r.everyWeeks, dueOn, due: isDueOn(dueOn, today), lastSentOn };
    }),
  };
}

/** A schedule on the patient's active programme (audited). Nothing is sent by itself: due ones are offered for one-click send. */
export async function addSchedule(tx: Transaction, scope: Scope, input: { patientId: string; instrument: InstrumentId; rule: ScheduleRule; everyWeeks: number | null }): Promise<string> {
  const programme = await getActiveChain(tx, scope, input.patientId);
  if (!programme) throw new RuleError("Schedules belong to a programme: this patient has no active programme.", "rule");
  if (input.rule === "before_review" && !programme.reviewDate) throw new RuleError("The programme has no review date: set one, or schedule every N weeks.", "rule");
  if (input.instrument === "psfs" && !(await getBaselinePsfs(tx, scope, input.patientId))) throw new RuleError(`PSFS cannot be scheduled: ${NO_BASELINE_PSFS}`, "instrument");
  const [row] = await tx
    .insert(questionnaireSchedules)
    .values({ clinicId: scope.clinicId, patientId: input.patientId, programmeId: programme.id, instrument: input.instrument, rule: input.rule, everyWeeks: input.rule === "every_weeks" ? input.everyWeeks : null, createdBy: scope.userId })
    .returning({ id: questionnaireSchedules.id });
  if (!row) throw new Error("insert returned no row");
  await writeAudit(tx, scope, { action: "create", entity: "questionnaire_schedule", entityId: row.id, patientId: input.patientId, detail: { instrument: input.instrument, rule: input.rule, everyWeeks: input.everyWeeks } });
  return row.id;
}

/** Stops a schedule (kept, with when it ended). */
export async function endSchedule(tx: Transaction, scope: Scope, scheduleId: string, now = new Date()): Promise<{ patientId: string }> {
  const [row] = await tx
    .update(questionnaireSchedules)
    .set({ endedAt: now })
    .where(and(eq(questionnaireSchedules.id, scheduleId), eq(questionnaireSchedules.clinicId, scope.clinicId), isNull(questionnaireSchedules.endedAt)))
    .returning({ id: questionnaireSchedules.id, patientId: questionnaireSchedules.patientId });
  if (!row) throw new NotFoundError("Schedule");
  await writeAudit(tx, scope, { action: "update", entity: "questionnaire_schedule", entityId: row.id, patientId: row.patientId, detail: { ended: true } });
  return { patientId: row.patientId };
}
