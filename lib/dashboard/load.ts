import type { Queryable } from "@/db/client";
import type { Scope } from "@/lib/auth/scope-types";
import { getClinicOutcomes } from "@/lib/outcomes/clinic-outcomes";
import type { OutcomePeriod } from "@/lib/outcomes/periods";
import { makeClassifier } from "@/lib/outcomes/summarize";
import { listLowAdherence } from "./adherence";
import { selectDue, selectNotImproving } from "./attention";
import { fetchCaseloadFacts } from "./caseload-facts";
import { fetchClinicContext } from "./clinic-context";
import { listUnsignedDrafts } from "./drafts";
import { listDashboardSessions } from "./sessions";
import type { DashboardView } from "./view";

/**
 * Every list of the caseload dashboard. After one small query for the
 * clinic's time zone and rules, the lists load side by side, each one
 * set-based query (or two) whatever the caseload's size.
 */
export async function loadDashboard(db: Queryable, scope: Scope, opts: { view: DashboardView; period: OutcomePeriod; now?: Date }) {
  const { view, period } = opts;
  const ctx = await fetchClinicContext(db, scope, opts.now);
  const [sessions, facts, lowAdherence, drafts, outcomes] = await Promise.all([
    listDashboardSessions(db, scope, view, ctx),
    fetchCaseloadFacts(db, scope, view, ctx.now),
    listLowAdherence(db, scope, view, ctx),
    listUnsignedDrafts(db, scope, ctx.now),
    getClinicOutcomes(db, scope, view, period, ctx.overrides, ctx.now),
  ]);
  const classify = makeClassifier(ctx.overrides);
  return {
    view,
    timeZone: ctx.timeZone,
    sessions,
    notImproving: selectNotImproving(facts, classify, ctx.now),
    due: selectDue(facts, ctx.now),
    lowAdherence,
    drafts,
    outcomes,
  };
}

export type DashboardData = Awaited<ReturnType<typeof loadDashboard>>;
