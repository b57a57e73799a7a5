import type { DashboardView } from "@/lib/dashboard/view";
import { DEFAULT_OUTCOME_PERIOD, type OutcomePeriod } from "@/lib/dashboard/outcome-periods";

/** The dashboard URL for a view and period, leaving defaults out. */
export function dashboardHref(view: DashboardView, period: OutcomePeriod): string {
  const sp = new URLSearchParams();
  if (view !== "mine") sp.set("view", view);
  if (period !== DEFAULT_OUTCOME_PERIOD) sp.set("period", period);
  const s = sp.toString();
  return s ? `/?${s}` : "/";
}
