import type { RevisionView } from "@/lib/assessments/queries";
import { formatDateTime } from "@/lib/format";
import { AssessmentContentView } from "./assessment-content-view";

/** Every signed revision, newest first, each readable as it was signed. */
export function RevisionList({ revisions, timeZone }: { revisions: RevisionView[]; timeZone: string }) {
  return (
    <ol className="grid gap-3">
      {revisions.map((r, i) => (
        <li key={r.revision} className="rounded-lg border p-4">
          <h3 className="font-medium">
            Revision {r.revision}
            {i === 0 ? " (current)" : ""}
          </h3>
          <p className="text-sm text-muted-foreground">
            {r.revision === 1 ? "Signed" : "Amended"} by {r.signedByName}, {formatDateTime(r.signedAt, timeZone)}
          </p>
          {r.reason && (
            <p className="mt-1 text-sm">
              <span className="text-muted-foreground">Reason: </span>
              {r.reason}
            </p>
          )}
          <details className="mt-2">
            <summary className="cursor-pointer text-sm underline-offset-4 hover:underline">Show revision {r.revision} as signed</summary>
            <div className="mt-3">
              <AssessmentContentView content={r.content} headingLevel="h4" />
            </div>
          </details>
        </li>
      ))}
    </ol>
  );
}
