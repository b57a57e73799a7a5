import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { TimelineEntry } from "@/lib/assessments/queries";
import { formatInstantDate } from "@/lib/format";
import { REGION_LABELS } from "./labels";

/** Signed assessments, newest first, each linking to its page. */
export function AssessmentTimeline({ entries, patientId, timeZone }: { entries: TimelineEntry[]; patientId: string; timeZone: string }) {
  return (
    <ol className="grid gap-0 border-l pl-4">
      {entries.map((e) => (
        <li key={e.id} className="relative py-2">
          <span aria-hidden className="absolute top-4 -left-[21px] size-2.5 rounded-full border-2 border-background bg-primary" />
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <Link href={`/patients/${patientId}/assessments/${e.id}`} className="font-medium underline-offset-4 hover:underline">
              {formatInstantDate(e.assessedAt, timeZone)}
            </Link>
            <span className="text-muted-foreground">
              {REGION_LABELS[e.region]} · {e.practitionerName}
            </span>
            {e.nprs !== null && <span className="tabular-nums">NPRS {e.nprs}/10</span>}
            {e.revision > 1 && <Badge variant="secondary">Amended (revision {e.revision})</Badge>}
          </div>
          {e.chiefComplaint && <p className="line-clamp-1 text-xs text-muted-foreground">{e.chiefComplaint}</p>}
        </li>
      ))}
    </ol>
  );
}
