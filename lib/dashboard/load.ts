import type { Queryable } from "@/db/client";
import type { Scope } from "@/lib/auth/scope-types";
import { getClinicOutcomes } from "@/lib/outcomes/clinic-outcomes";
import type { OutcomePeriod } from "@/lib/outcomes/periods";
import { getClinicClinicalSettings } from "@/lib/clinic-settings/queries";
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
  const [ctx, settings] = await Promise.all([fetchClinicContext(db, scope, opts.now), getClinicClinicalSettings(db, scope)]);
  const overrides = settings.mcidOverrides;
  const [sessions, facts, lowAdherence, drafts, outcomes] = await Promise.all([
    listDashboardSessions(db, scope, view, ctx),
    fetchCaseloadFacts(db, scope, view, ctx.now),
    listLowAdherence(db, scope, view, ctx),
    listUnsignedDrafts(db, scope, ctx.now),
    getClinicOutcomes(db, scope, view, period, overrides, ctx.now),
  ]);
  return {
    view,
    timeZone: ctx.timeZone,
    sessions,
    notImproving: selectNotImproving(facts, overrides, ctx.now),
    due: selectDue(facts, ctx.now),
    lowAdherence,
    drafts,
    outcomes,
  };
}

export type DashboardData = Awaited<ReturnType<typeof loadDashboard>>;
