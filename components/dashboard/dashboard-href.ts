import type { DashboardCardId, DashboardView } from "@/lib/dashboard/view";
import { DEFAULT_OUTCOME_PERIOD, type OutcomePeriod } from "@/lib/dashboard/outcome-periods";

/** The dashboard URL for a view and period (and a list shown in full), leaving defaults out. */
export function dashboardHref(view: DashboardView, period: OutcomePeriod, show: DashboardCardId | null = null): string {
  const sp = new URLSearchParams();
  if (view !== "mine") sp.set("view", view);
  if (period !== DEFAULT_OUTCOME_PERIOD) sp.set("period", period);
  if (show) sp.set("show", show);
  const s = sp.toString();
  const path = s ? `/?${s}` : "/";
  return show ? `${path}#${show}` : path;
}
