import type { Queryable } from "@/db/client";
import type { Scope } from "@/lib/auth/scope-types";
import { getClinicOutcomes } from "@/lib/dashboard/clinic-outcomes";
import type { OutcomePeriod } from "@/lib/dashboard/outcome-periods";
import { getClinicClinicalSettings } from "@/lib/clinic-settings/queries";
import { attachMarkers, fetchSafetyMarkers } from "@/lib/patient-flags/markers";
import { ensureClinicSummaries } from "@/lib/summaries/refresh";
import { listLowAdherence } from "./adherence";
import { listDue, listNotImproving, type CardList } from "./attention";
import { fetchClinicContext } from "./clinic-context";
import { listUnsignedDrafts } from "./drafts";
import { listDashboardSessions } from "./sessions";
import { CARD_ROW_LIMIT, type DashboardCardId, type DashboardView } from "./view";

// "Show all" of a card lists this many at most; beyond it the card says how many are left out.
export const SHOW_ALL_LIMIT = 500;

/**
 * Every list of the caseload dashboard. After two small queries for the
 * clinic's time zone and its clinical settings, the lists load side by side,
 * each one statement over its card's index of the summary rows (or of the
 * sessions and drafts), limited in SQL to the rows shown (`rowLimit`, 10 by
 * default; SHOW_ALL_LIMIT for the card `shown` in full) with the count of all.
 */
export async function loadDashboard(
  db: Queryable,
  scope: Scope,
  opts: { view: DashboardView; period: OutcomePeriod; now?: Date; shown?: DashboardCardId | null; rowLimit?: number },
) {
  const { view, period } = opts;
  const limitOf = (id: DashboardCardId) => (opts.shown === id ? SHOW_ALL_LIMIT : (opts.rowLimit ?? CARD_ROW_LIMIT));
  // Alone, before the lists: on the embedded database a transaction must not overlap other statements.
  await ensureClinicSummaries(db, scope);
  const [ctx, settings] = await Promise.all([fetchClinicContext(db, scope, opts.now), getClinicClinicalSettings(db, scope)]);
  const overrides = settings.mcidOverrides;
  const [sessions, notImproving, due, lowAdherence, drafts, outcomes] = await Promise.all([
    listDashboardSessions(db, scope, view, ctx),
    listNotImproving(db, scope, view, overrides, ctx.now, limitOf("not-improving")),
    listDue(db, scope, view, ctx.now, limitOf("due")),
    listLowAdherence(db, scope, view, ctx, limitOf("low-adherence")),
    listUnsignedDrafts(db, scope, ctx.now, limitOf("drafts")),
    getClinicOutcomes(db, scope, view, period, ctx.now),
  ]);
  // Safety in sight: every listed patient's red flags and contraindications, in one query
  const listed = [
    ...notImproving.rows.map((r) => r.patientId),
    ...due.rows.map((r) => r.patientId),
    ...lowAdherence.rows.map((r) => r.patientId),
    ...drafts.rows.map((r) => r.patientId),
    ...sessions.today.rows.map((r) => r.patient_id),
    ...sessions.week.rows.map((r) => r.patient_id),
  ];
  const markers = await fetchSafetyMarkers(db, scope, listed);
  const byPatient = (r: { patientId: string }) => r.patientId;
  const mark = <T extends { patientId: string }>(list: CardList<T>) => ({ ...list, rows: attachMarkers(list.rows, byPatient, markers) });
  const markSessions = (list: typeof sessions.today) => ({ ...list, rows: attachMarkers(list.rows, (r) => r.patient_id, markers) });
  return {
    view,
    timeZone: ctx.timeZone,
    sessions: { today: markSessions(sessions.today), week: markSessions(sessions.week) },
    notImproving: mark(notImproving),
    due: mark(due),
    lowAdherence: mark(lowAdherence),
    drafts: mark(drafts),
    outcomes,
  };
}

export type DashboardData = Awaited<ReturnType<typeof loadDashboard>>;
