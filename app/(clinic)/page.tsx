import type { Metadata } from "next";
import { dashboardHref } from "@/components/dashboard/dashboard-href";
import { DashboardCards } from "@/components/dashboard/dashboard-cards";
import { SegmentedLinks } from "@/components/dashboard/segmented-links";
import { OverdueEnquiriesCard } from "@/components/dashboard/enquiries-card";
import { AlertsCard } from "@/components/dashboard/alerts-card";
import { CARD_ROW_LIMIT } from "@/components/dashboard/dashboard-card";
import { countOpenAlerts, listOpenAlerts } from "@/lib/alerts/queries";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { countOverdueEnquiries } from "@/lib/enquiries/queries";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requireScope } from "@/lib/auth/scope";
import { isAdmin } from "@/lib/auth/scope-types";
import { parseShownCard, resolveDashboardView } from "@/lib/dashboard/view";
import { viewDashboard } from "@/lib/dashboard/view-dashboard";
import { parseOutcomePeriod } from "@/lib/dashboard/outcome-periods";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requireScope();
  const query = await searchParams;
  const view = resolveDashboardView(scope, query.view);
  const period = parseOutcomePeriod(query.period);
  const shown = parseShownCard(query.show);
  const db = await getDb(scope);
  const [user, data, overdueEnquiries, alerts, alertCount] = await Promise.all([
    getCurrentUser(scope),
    viewDashboard(scope, view, period, shown),
    countOverdueEnquiries(db, scope),
    listOpenAlerts(db, scope, view, CARD_ROW_LIMIT),
    countOpenAlerts(db, scope, view),
  ]);
  const mine = view === "mine";
  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <PageHeader
        className="pb-0"
        title={`Hello, ${user.name.split(" ")[0]}`}
        description={mine ? `Your caseload at ${user.clinicName}: your patients and your sessions.` : `Everyone at ${user.clinicName}.`}
        actions={
          isAdmin(scope) ? (
            <SegmentedLinks
              label="Whose patients"
              items={[
                { href: dashboardHref("mine", period), label: "My caseload", current: mine },
                { href: dashboardHref("clinic", period), label: "Whole clinic", current: !mine },
              ]}
            />
          ) : undefined
        }
      />
      <AlertsCard rows={alerts} count={alertCount} href={view === "clinic" ? "/alerts?view=clinic" : "/alerts"} />
      <DashboardCards data={data} view={view} period={period} shown={shown} />
      <OverdueEnquiriesCard count={overdueEnquiries} />
    </div>
  );
}
