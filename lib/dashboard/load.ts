import type { Queryable } from "@/db/client";
import type { Scope } from "@/lib/auth/scope-types";
import { getClinicOutcomes } from "@/lib/dashboard/clinic-outcomes";
import type { OutcomePeriod } from "@/lib/dashboard/outcome-periods";
import { getClinicClinicalSettings } from "@/lib/clinic-settings/queries";
import { attachMarkers, fetchSafetyMarkers } from "@/lib/patient-flags/markers";
import { ensureClinicSummaries } from "@/lib/summaries/refresh";
import { listLowAdherence } from "./adherence";
import { selectDue, selectNotImproving } from "./attention";
import { fetchCaseloadFacts } from "./caseload-facts";
import { fetchClinicContext } from "./clinic-context";
import { listUnsignedDrafts } from "./drafts";
import { listDashboardSessions } from "./sessions";
import type { DashboardView } from "./view";

/**
 * Every list of the caseload dashboard. After two small queries for the
 * clinic's time zone and its clinical settings, the lists load side by side, each one
 * set-based query (or two) whatever the caseload's size.
 */
export async function loadDashboard(db: Queryable, scope: Scope, opts: { view: DashboardView; period: OutcomePeriod; now?: Date }) {
  const { view, period } = opts;
  // Alone, before the lists: on the embedded database a transaction must not overlap other statements.
  await ensureClinicSummaries(db, scope);
  const [ctx, settings] = await Promise.all([fetchClinicContext(db, scope, opts.now), getClinicClinicalSettings(db, scope)]);
  const overrides = settings.mcidOverrides;
  const [sessions, facts, lowAdherence, drafts, outcomes] = await Promise.all([
    listDashboardSessions(db, scope, view, ctx),
    fetchCaseloadFacts(db, scope, view, ctx.now),
    listLowAdherence(db, scope, view, ctx),
    listUnsignedDrafts(db, scope, ctx.now),
    getClinicOutcomes(db, scope, view, period, overrides, ctx.now),
  ]);
  const notImproving = selectNotImproving(facts, overrides, ctx.now);
  const due = selectDue(facts, ctx.now);
  // Safety in sight: every listed patient's red flags and contraindications, in one query
  const listed = [
    ...notImproving.map((r) => r.patientId),
    ...due.map((r) => r.patientId),
    ...lowAdherence.map((r) => r.patientId),
    ...drafts.map((r) => r.patientId),
    ...sessions.today.rows.map((r) => r.patient_id),
    ...sessions.week.rows.map((r) => r.patient_id),
  ];
  const markers = await fetchSafetyMarkers(db, scope, listed);
  const byPatient = (r: { patientId: string }) => r.patientId;
  const markSessions = (list: typeof sessions.today) => ({ ...list, rows: attachMarkers(list.rows, (r) => r.patient_id, markers) });
  return {
    view,
    timeZone: ctx.timeZone,
    sessions: { today: markSessions(sessions.today), week: markSessions(sessions.week) },
    notImproving: attachMarkers(notImproving, byPatient, markers),
    due: attachMarkers(due, byPatient, markers),
    lowAdherence: attachMarkers(lowAdherence, byPatient, markers),
    drafts: attachMarkers(drafts, byPatient, markers),
    outcomes,
  };
}

export type DashboardData = Awaited<ReturnType<typeof loadDashboard>>;
