import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import type { WeeklyAdherence } from "@/lib/adherence/queries";

export function formatPercent(percent: number | null): string {
  return percent === null ? "—" : `${Math.round(percent)} %`;
}

/** Weekly adherence, newest first. */
export function AdherenceTable({ weeks, caption }: { weeks: WeeklyAdherence[]; caption: string }) {
  const rows = [...weeks].reverse();
  return (
    <Table>
      <TableCaption className="sr-only">{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>Week of</TableHead>
          <TableHead>Sessions</TableHead>
          <TableHead>Adherence</TableHead>
          <TableHead className="hidden sm:table-cell">Pain during</TableHead>
          <TableHead className="hidden md:table-cell">Note</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((w) => (
          <TableRow key={w.weekStart}>
            <TableCell>
              {formatDate(w.weekStart)} {w.patientReported && <Badge variant="secondary">Patient-reported</Badge>}
            </TableCell>
            <TableCell>
              {w.sessionsDone} of {w.sessionsPrescribed}
            </TableCell>
            <TableCell>
              {formatPercent(w.percent)} {w.low && <Badge variant="warning">Low</Badge>}
            </TableCell>
            <TableCell className="hidden sm:table-cell">{w.painDuring ?? "—"}</TableCell>
            <TableCell className="hidden md:table-cell">{w.note ?? ""}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
