import type { Marked } from "@/lib/patient-flags/markers";
import { Dumbbell } from "@/components/ui/icons";
import { LOW_ADHERENCE_BELOW_PERCENT } from "@/lib/clinical/caseload-rules";
import type { LowAdherenceRow } from "@/lib/dashboard/adherence";
import { DashboardCard, MoreRows, PatientLink, type CardRows } from "./dashboard-card";

/** Home-programme adherence below the threshold last week. */
export function AdherenceCard({ list, paging }: { list: { rows: Marked<LowAdherenceRow>[]; total: number }; paging: CardRows }) {
  return (
    <DashboardCard
      id="low-adherence"
      title="Low adherence last week"
      description={`Home programme done less than ${LOW_ADHERENCE_BELOW_PERCENT} % of the prescribed sessions last week (Monday to Sunday).`}
      count={list.total}
      icon={Dumbbell}
      empty="Nobody recorded below the threshold last week."
    >
      <ul className="divide-y text-sm">
        {list.rows.slice(0, paging.limit).map((r) => (
          <li key={r.patientId} className="dashboard-row">
            <PatientLink id={r.patientId} name={r.name} marker={r.marker} />
            <span className="tabular-nums text-muted-foreground">
              {r.done} of {r.prescribed} sessions ({Math.round(r.percent)} %)
            </span>
          </li>
        ))}
      </ul>
      <MoreRows shown={Math.min(list.rows.length, paging.limit)} loaded={list.rows.length} total={list.total} paging={paging} title="Low adherence last week" />
    </DashboardCard>
  );
}
