import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db/runtime";
import { listStaleDrafts, STALE_DRAFT_DAYS } from "@/lib/assessments/queries";
import type { Scope } from "@/lib/auth/scope-types";
import { formatDateTime } from "@/lib/format";

/**
 * The signed-in practitioner's drafts left unsigned for over a week, for the
 * dashboard. Renders nothing when there are none.
 */
export async function StaleDraftsCard({ scope, timeZone }: { scope: Scope; timeZone: string }) {
  const db = await getDb(scope);
  const drafts = await listStaleDrafts(db, scope);
  if (drafts.length === 0) return null;
  return (
    <section aria-labelledby="stale-drafts-title">
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2 id="stale-drafts-title">Unsigned drafts</h2>
          </CardTitle>
          <CardDescription>Your assessments left as drafts for over {STALE_DRAFT_DAYS} days: finish and sign them, or note why not.</CardDescription>
        </CardHeader>
        <CardContent>
          <ul className="grid gap-2 text-sm">
            {drafts.map((d) => (
              <li key={d.id} className="flex flex-wrap items-baseline gap-x-2">
                <Link href={`/patients/${d.patientId}/assessments/${d.id}/edit`} className="font-medium underline-offset-4 hover:underline">
                  {d.patientName}
                </Link>
                <span className="text-muted-foreground">last saved {formatDateTime(d.updatedAt, timeZone)}</span>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
    </section>
  );
}
