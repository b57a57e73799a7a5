import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { STALE_DRAFT_DAYS, type TimelineEntry } from "@/lib/assessments/queries";
import { formatDateTime } from "@/lib/format";

/** Unsigned drafts of a patient; the viewer's own, untouched for over a week, are called out. */
export function DraftList({ drafts, patientId, timeZone, userId, now }: { drafts: TimelineEntry[]; patientId: string; timeZone: string; userId: string; now: Date }) {
  const staleBefore = now.getTime() - STALE_DRAFT_DAYS * 24 * 60 * 60 * 1000;
  return (
    <ul className="grid gap-2">
      {drafts.map((d) => {
        const stale = d.updatedAt.getTime() < staleBefore;
        return (
          <li key={d.id} className="flex flex-wrap items-center gap-2 text-sm">
            <Link href={`/patients/${patientId}/assessments/${d.id}/edit`} className="font-medium underline-offset-4 hover:underline">
              Draft by {d.practitionerId === userId ? "you" : d.practitionerName}
            </Link>
            <span className="text-muted-foreground">last saved {formatDateTime(d.updatedAt, timeZone)}</span>
            {stale && <Badge variant="warning">Unsigned for over {STALE_DRAFT_DAYS} days</Badge>}
          </li>
        );
      })}
    </ul>
  );
}
