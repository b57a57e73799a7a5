import { FilePenLine } from "@/components/ui/icons";
import { ListLink } from "@/components/ui/list-link";
import { Badge } from "@/components/ui/badge";
import { dateTimeFormat } from "@/lib/format";
import type { Marked } from "@/lib/patient-flags/markers";
import { STALE_DRAFT_DAYS, type DraftRow } from "@/lib/dashboard/drafts";
import { DashboardCard, MoreRows, PatientLink, type CardRows } from "./dashboard-card";

/** The user's own unsigned assessments; those untouched for more than a week are flagged. */
export function DraftsCard({ list, timeZone, paging }: { list: { rows: Marked<DraftRow>[]; total: number }; timeZone: string; paging: CardRows }) {
  const format = dateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric" });
  return (
    <DashboardCard id="drafts" title="Your unsigned drafts" description={`Assessments you started and have not signed; untouched for over ${STALE_DRAFT_DAYS} days is flagged.`} count={list.total} icon={FilePenLine} empty="No unsigned drafts.">
      <ul className="divide-y text-sm">
        {list.rows.slice(0, paging.limit).map((r) => (
          <li key={r.id} className="dashboard-row">
            <span className="flex flex-wrap items-center gap-3">
              <PatientLink id={r.patientId} name={r.name} marker={r.marker} />
              <ListLink href={`/patients/${r.patientId}/assessments/${r.id}/edit`} className="row-link">
                Continue the {format.format(r.assessedAt)} draft
              </ListLink>
            </span>
            {r.stale && <Badge variant="warning">Untouched over {STALE_DRAFT_DAYS} days</Badge>}
          </li>
        ))}
      </ul>
      <MoreRows shown={Math.min(list.rows.length, paging.limit)} loaded={list.rows.length} total={list.total} paging={paging} title="Your unsigned drafts" />
    </DashboardCard>
  );
}
