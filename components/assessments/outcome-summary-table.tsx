import { ArrowRight } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { OutcomeLine } from "@/lib/assessments/outcome-summary";
import { formatInstantDate } from "@/lib/format";
import { ChangeBadge } from "./change-badge";
import { formatDelta, formatScore } from "./format-score";
import { SHORT_INSTRUMENT_LABELS } from "./labels";

/** Latest score with its band, and the change since the first assessment judged by the clinic's rule. */
export function OutcomeSummaryTable({ lines, timeZone }: { lines: OutcomeLine[]; timeZone: string }) {
  return (
    <ul aria-label="Outcome scores" className="grid">
      {lines.map((line) => (
        <li key={line.instrument} className="grid gap-1.5 border-b py-3 first:pt-0 last:border-b-0">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm">
              <abbr title={line.label} className="font-medium no-underline">
                {SHORT_INSTRUMENT_LABELS[line.instrument]}
              </abbr>{" "}
              <span className="text-xs text-muted-foreground">
                {line.label}, version {line.version}
              </span>
            </p>
            {line.change ? (
              <div className="flex flex-wrap items-center gap-2">
                <ChangeBadge kind={line.change.kind} />
                <span className="text-xs tabular-nums">{formatDelta(line.change.delta, line.unit)}</span>
              </div>
            ) : (
              <span className="text-xs text-muted-foreground">{line.count < 2 ? "One score so far" : "Not yet comparable"}</span>
            )}
          </div>
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
            {line.count >= 2 && (
              <>
                <span className="tabular-nums">{formatScore({ ...line.baseline, instrument: line.instrument })}</span>
                <span className="text-xs text-muted-foreground">first, {formatInstantDate(line.baseline.takenAt, timeZone)}</span>
                <ArrowRight className="size-3.5 text-muted-foreground" aria-hidden />
                <span className="sr-only">to</span>
              </>
            )}
            <span className="font-semibold tabular-nums">{formatScore({ ...line.latest, instrument: line.instrument })}</span>
            <span className="text-xs text-muted-foreground">latest, {formatInstantDate(line.latest.takenAt, timeZone)}</span>
            {line.latest.band && <Badge variant="outline">{line.latest.band}</Badge>}
          </p>
          {line.change && (
            <details>
              <summary className="cursor-pointer text-xs text-muted-foreground">Rule applied</summary>
              <p className="text-xs text-muted-foreground">{line.change.explanation}</p>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
