import type { Marked } from "@/lib/patient-flags/markers";
import { ClipboardCheck } from "@/components/ui/icons";
import { Badge } from "@/components/ui/badge";
import { dateTimeFormat } from "@/lib/format";
import type { DueRow } from "@/lib/dashboard/attention";
import { DashboardCard, MoreRows, PatientLink, type CardRows } from "./dashboard-card";

/** Reassessments and reviews due: decompression 50 % / 100 %, programme review date passed, last assessment over 6 weeks ago. */
export function DueCard({ list, timeZone, paging }: { list: { rows: Marked<DueRow>[]; total: number }; timeZone: string; paging: CardRows }) {
  const format = dateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric" });
  return (
    <DashboardCard
      id="due"
      title="Reassessments due"
      description="Decompression at 50 % and 100 % of planned sessions, programme reviews, and assessments over 6 weeks old."
      count={list.total}
      icon={ClipboardCheck}
      empty="No reassessment or review is due."
    >
      <ul className="divide-y text-sm">
        {list.rows.slice(0, paging.limit).map((r) => (
          <li key={r.patientId} className="grid gap-1 py-2">
            <span className="dashboard-row-head">
              <PatientLink id={r.patientId} name={r.name} marker={r.marker} />
              {r.lastAssessedAt !== null && <span className="text-xs text-muted-foreground">Last assessed {format.format(r.lastAssessedAt)}</span>}
            </span>
            <span className="flex flex-wrap gap-1">
              {r.reasons.map((reason) => (
                <Badge key={reason} variant="warning">
                  {reason}
                </Badge>
              ))}
            </span>
          </li>
        ))}
      </ul>
      <MoreRows shown={Math.min(list.rows.length, paging.limit)} loaded={list.rows.length} total={list.total} paging={paging} title="Reassessments due" />
    </DashboardCard>
  );
}
