import { ListLink } from "@/components/ui/list-link";
import type { Marked } from "@/lib/patient-flags/markers";
import { TrendingDown } from "@/components/ui/icons";
import { formatScoreNumber } from "@/lib/clinical/instruments/rounding";
import type { NotImprovingRow } from "@/lib/dashboard/attention";
import type { InstrumentOutcome } from "@/lib/outcomes/model";
import { DashboardCard, MoreRows, PatientLink, type CardRows } from "./dashboard-card";

/** Baseline to latest of the version scored last (lib/outcomes): versions are never compared. */
function describeOutcome(name: string, o: InstrumentOutcome): string {
  const s = o.current;
  const version = o.series.length > 1 ? ` (${s.label})` : "";
  return `${name}${version} ${formatScoreNumber(s.baseline.score)} → ${formatScoreNumber(s.latest.score)}`;
}

function describeScores(row: NotImprovingRow): string {
  const parts: string[] = [];
  if (row.outcome.pain) parts.push(describeOutcome("Pain", row.outcome.pain));
  if (row.outcome.main) parts.push(describeOutcome(row.outcome.main.instrument.toUpperCase(), row.outcome.main));
  return parts.length > 0 ? parts.join(" · ") : "No follow-up scores recorded";
}

function describeTime(row: NotImprovingRow): string {
  const parts: string[] = [];
  if (row.weeksInCare !== null) parts.push(`${row.weeksInCare} week${row.weeksInCare === 1 ? "" : "s"} since first assessment`);
  if (row.sessionsCompleted > 0) parts.push(`${row.sessionsCompleted} session${row.sessionsCompleted === 1 ? "" : "s"}`);
  return parts.join(" · ");
}

/** Patients with time to respond (4 weeks or 6 sessions) and no meaningful improvement on pain or the main questionnaire. */
export function NotImprovingCard({ list, paging }: { list: { rows: Marked<NotImprovingRow>[]; total: number }; paging: CardRows }) {
  return (
    <DashboardCard
      id="not-improving"
      title="Not improving"
      description="No meaningful improvement on pain or the main questionnaire after 4 weeks or 6 sessions (the clinic's meaningful-change rules)."
      count={list.total}
      icon={TrendingDown}
      empty="Everyone with enough time in care is showing a meaningful improvement."
    >
      <ul className="divide-y text-sm">
        {list.rows.slice(0, paging.limit).map((r) => (
          <li key={r.patientId} className="grid gap-0.5 py-2">
            <span className="dashboard-row-head">
              <PatientLink id={r.patientId} name={r.name} marker={r.marker} />
              <ListLink href={`/patients/${r.patientId}/progress`} className="row-link" aria-label={`Progress charts for ${r.name}`}>
                Charts
              </ListLink>
            </span>
            <span className="text-muted-foreground">{describeScores(r)}</span>
            <span className="text-xs text-muted-foreground">{describeTime(r)}</span>
          </li>
        ))}
      </ul>
      <MoreRows shown={Math.min(list.rows.length, paging.limit)} loaded={list.rows.length} total={list.total} paging={paging} title="Not improving" />
    </DashboardCard>
  );
}
