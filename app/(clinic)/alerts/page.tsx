import type { Metadata } from "next";
import Link from "next/link";
import { BellRing } from "@/components/ui/icons";
import { AcknowledgeAlertForm } from "@/components/alerts/acknowledge-form";
import { SwapAlertForm } from "@/components/alerts/swap-form";
import { SegmentedLinks } from "@/components/dashboard/segmented-links";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { ALERT_KIND_LABELS, describeAlert } from "@/lib/alerts/describe";
import { findAlertSwap } from "@/lib/alerts/mutations";
import { countOpenAlerts, listOpenAlerts } from "@/lib/alerts/queries";
import { getAlertThresholds } from "@/lib/alerts/thresholds";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requireScope } from "@/lib/auth/scope";
import { isAdmin } from "@/lib/auth/scope-types";
import type { SwapSuggestion } from "@/lib/clinical/alert-swap";
import { resolveDashboardView } from "@/lib/dashboard/view";
import { describeVolume } from "@/lib/exercises/library";
import { formatDateTime } from "@/lib/format";
import { getProgramme } from "@/lib/programmes/queries";
import { listLibraryChoices } from "@/lib/exercises/queries";

export const metadata: Metadata = { title: "Alerts" };

/** Alerts shown with their forms; beyond this the page says how many more there are. */
const PAGE_LIMIT = 50;

function swapSummary(s: SwapSuggestion): string {
  return s.kind === "easier-exercise"
    ? `${s.fromName} (${describeVolume(s.fromDose)}) for its easier version, ${s.toName} (${describeVolume(s.toDose)}).`
    : `${s.fromName} at a lower dose: ${describeVolume(s.fromDose)} to ${describeVolume(s.toDose)}.`;
}

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requireScope();
  const view = resolveDashboardView(scope, (await searchParams).view);
  const db = await getDb(scope);
  const [user, alerts, total, thresholds] = await Promise.all([
    getCurrentUser(scope),
    listOpenAlerts(db, scope, view, PAGE_LIMIT),
    countOpenAlerts(db, scope, view),
    getAlertThresholds(db, scope),
  ]);
  // The swap is offered for what says "too much": pain and "too hard", on the programme still in force.
  const swaps = new Map<string, SwapSuggestion>();
  const library = alerts.some((a) => a.kind === "pain_high" || a.kind === "too_hard") ? await listLibraryChoices(db, scope) : [];
  for (const alert of alerts) {
    if ((alert.kind !== "pain_high" && alert.kind !== "too_hard") || !alert.programmeId) continue;
    const programme = await getProgramme(db, scope, alert.programmeId);
    const offer = await findAlertSwap(db, scope, programme, library);
    if (offer) swaps.set(alert.id, offer);
  }
  const mine = view === "mine";
  return (
    <div className="mx-auto grid max-w-4xl gap-6">
      <PageHeader
        title="Alerts"
        description={`From what patients report at home: a red flag in their intake (shown first), pain ${thresholds.painAtLeast} or more, "too hard" ${thresholds.tooHardRun} sessions in a row, or no session for ${thresholds.notLoggingDays} days.${isAdmin(scope) ? " Admins set these in Settings, Clinical." : ""}`}
        actions={
          isAdmin(scope) ? (
            <SegmentedLinks
              label="Whose patients"
              items={[
                { href: "/alerts", label: "My caseload", current: mine },
                { href: "/alerts?view=clinic", label: "Whole clinic", current: !mine },
              ]}
            />
          ) : undefined
        }
      />
      {alerts.length === 0 ? (
        <EmptyState
          icon={BellRing}
          title="No open alerts"
          description={mine ? `Nothing your patients reported at ${user.clinicName} needs a look.` : `Nothing any patient reported at ${user.clinicName} needs a look.`}
        />
      ) : (
        <ul className="grid gap-4" aria-label="Open alerts">
          {alerts.map((alert) => {
            const swap = swaps.get(alert.id);
            return (
              <li key={alert.id} id={`alert-${alert.id}`} className="grid gap-3 rounded-lg border bg-card p-4 text-card-foreground" data-testid="alert">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="text-lg font-semibold">
                    <Link href={`/patients/${alert.patientId}`} className="underline-offset-4 hover:underline">
                      {alert.patientName}
                    </Link>
                  </h2>
                  <Badge variant={alert.kind === "pain_high" || alert.kind === "red_flag" ? "destructive" : "outline"}>{ALERT_KIND_LABELS[alert.kind]}</Badge>
                </div>
                <p className="text-sm">{describeAlert(alert.kind, alert.detail)}</p>
                <p className="text-xs text-muted-foreground">
                  Raised {formatDateTime(alert.raisedAt, user.timeZone)}
                  {alert.updatedAt.getTime() > alert.raisedAt.getTime() + 1000 ? `, last report ${formatDateTime(alert.updatedAt, user.timeZone)}` : ""}.{" "}
                  {alert.programmeId ? (
                    <Link href={`/patients/${alert.patientId}/programmes/${alert.programmeId}`} className="underline underline-offset-4">
                      The programme
                    </Link>
                  ) : (
                    <Link href={`/patients/${alert.patientId}#patient-reports-title`} className="underline underline-offset-4">
                      The intake answers
                    </Link>
                  )}
                </p>
                {swap && <SwapAlertForm alertId={alert.id} itemId={swap.itemId} toRef={swap.toRef} summary={swapSummary(swap)} />}
                <AcknowledgeAlertForm alertId={alert.id} patientName={alert.patientName} />
              </li>
            );
          })}
        </ul>
      )}
      {total > alerts.length && (
        <p className="text-sm text-muted-foreground">
          {total - alerts.length} more open alerts: acknowledge these first, the next ones follow.
        </p>
      )}
    </div>
  );
}
