import type { DashboardData } from "@/lib/dashboard/load";
import type { OutcomePeriod } from "@/lib/dashboard/outcome-periods";
import type { DashboardCardId, DashboardView } from "@/lib/dashboard/view";
import { AdherenceCard } from "./adherence-card";
import { CARD_ROW_LIMIT, type CardRows } from "./dashboard-card";
import { dashboardHref } from "./dashboard-href";
import { DraftsCard } from "./drafts-card";
import { DueCard } from "./due-card";
import { NotImprovingCard } from "./not-improving-card";
import { OutcomesCard } from "./outcomes-card";
import { SessionsCards } from "./sessions-card";

type Props = { data: DashboardData; view: DashboardView; period: OutcomePeriod; shown: DashboardCardId | null };

/**
 * The dashboard's lists. Each card shows its first CARD_ROW_LIMIT rows and links to itself
 * in full, one card at a time, so the page's size does not grow with the caseload
 * (tests/unit/dashboard-size.test.ts renders it at a large caseload); lib/dashboard/load.ts
 * limits each list to those rows in SQL, and the card shown in full to SHOW_ALL_LIMIT.
 */
export function DashboardCards({ data, view, period, shown }: Props) {
  const paging = (id: DashboardCardId): CardRows => ({
    limit: shown === id ? Number.POSITIVE_INFINITY : CARD_ROW_LIMIT,
    showAll: dashboardHref(view, period, id),
    showFewer: shown === id ? `${dashboardHref(view, period)}#${id}` : null,
  });
  return (
    <>
      <div className="grid gap-6 lg:grid-cols-2">
        <SessionsCards sessions={data.sessions} timeZone={data.timeZone} showPractitioner={view === "clinic"} paging={paging} />
        <NotImprovingCard list={data.notImproving} paging={paging("not-improving")} />
        <DueCard list={data.due} timeZone={data.timeZone} paging={paging("due")} />
        <AdherenceCard list={data.lowAdherence} paging={paging("low-adherence")} />
        <DraftsCard list={data.drafts} timeZone={data.timeZone} paging={paging("drafts")} />
      </div>
      <OutcomesCard outcomes={data.outcomes} view={view} />
    </>
  );
}
