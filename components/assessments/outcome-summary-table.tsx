import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { OutcomeLine } from "@/lib/assessments/outcome-summary";
import { formatInstantDate } from "@/lib/format";
import { ChangeBadge } from "./change-badge";
import { formatDelta, formatScore } from "./format-score";
import { SHORT_INSTRUMENT_LABELS } from "./labels";

/** Latest score with its band, and the change since the first assessment judged by the clinic's rule. */
export function OutcomeSummaryTable({ lines, timeZone }: { lines: OutcomeLine[]; timeZone: string }) {
  return (
    <Table containerProps={{ tabIndex: 0, role: "region", "aria-label": "Outcome scores" }}>
      <TableHeader>
        <TableRow>
          <TableHead>Measure</TableHead>
          <TableHead>Latest</TableHead>
          <TableHead>First</TableHead>
          <TableHead>Change since first</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {lines.map((line) => (
          <TableRow key={line.instrument}>
            <TableCell className="whitespace-normal">
              <abbr title={line.label} className="font-medium no-underline">
                {SHORT_INSTRUMENT_LABELS[line.instrument]}
              </abbr>
              <p className="text-xs text-muted-foreground">version {line.version}</p>
            </TableCell>
            <TableCell className="whitespace-normal">
              <span className="font-semibold tabular-nums">{formatScore({ ...line.latest, instrument: line.instrument })}</span>
              {line.latest.band && (
                <Badge variant="outline" className="ml-2">
                  {line.latest.band}
                </Badge>
              )}
              <p className="text-xs text-muted-foreground">{formatInstantDate(line.latest.takenAt, timeZone)}</p>
            </TableCell>
            <TableCell className="whitespace-normal">
              {line.count >= 2 ? (
                <>
                  <span className="tabular-nums">{formatScore({ ...line.baseline, instrument: line.instrument })}</span>
                  <p className="text-xs text-muted-foreground">{formatInstantDate(line.baseline.takenAt, timeZone)}</p>
                </>
              ) : (
                <span className="text-muted-foreground">Only one score so far</span>
              )}
            </TableCell>
            <TableCell className="max-w-sm whitespace-normal">
              {line.change ? (
                <div className="grid gap-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <ChangeBadge kind={line.change.kind} />
                    <span className="text-xs tabular-nums">{formatDelta(line.change.delta, line.unit)}</span>
                  </div>
                  <details>
                    <summary className="cursor-pointer text-xs text-muted-foreground">Rule applied</summary>
                    <p className="text-xs text-muted-foreground">{line.change.explanation}</p>
                  </details>
                </div>
              ) : (
                <span className="text-muted-foreground">Not yet comparable</span>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
