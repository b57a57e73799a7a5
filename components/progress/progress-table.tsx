import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ProgressChartData } from "@/lib/progress/types";
import type { ChartRow } from "./chart-rows";

function formatValue(v: unknown, unit: string): string {
  return typeof v === "number" ? `${Math.round(v * 100) / 100} ${unit}` : "";
}

/** The chart's data as a table: the same rows, one per instant, for screen readers and for reading exact values. */
export function ProgressTable({ chart, rows, formatDate }: { chart: ProgressChartData; rows: ChartRow[]; formatDate: (t: number) => string }) {
  const hasSessions = rows.some((r) => r.session);
  const hasAdherence = rows.some((r) => r.adherence !== undefined);
  const baselines = chart.baselines.map((b) => `${b.label} ${formatValue(b.value, chart.unit)} on ${formatDate(b.at)}`).join("; ");
  return (
    <Table containerProps={{ tabIndex: 0, role: "region", "aria-label": `${chart.title}, table`, className: "max-h-96 overflow-y-auto rounded-md border" }}>
      <TableCaption className="px-3 pb-3 text-left">
        {chart.title}, as charted{baselines ? `. ${baselines}` : ""}.
      </TableCaption>
      <TableHeader className="sticky top-0 bg-card">
        <TableRow>
          <TableHead>Date</TableHead>
          {chart.series.map((s) => (
            <TableHead key={s.key}>{s.label}</TableHead>
          ))}
          {hasSessions && <TableHead>Decompression session</TableHead>}
          {hasAdherence && <TableHead>Weekly adherence</TableHead>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.t}>
            <TableHead scope="row" className="font-normal">
              {formatDate(r.t)}
            </TableHead>
            {chart.series.map((s) => (
              <TableCell key={s.key}>{formatValue(r[s.key], chart.unit)}</TableCell>
            ))}
            {hasSessions && <TableCell>{r.session ? "Completed" : ""}</TableCell>}
            {hasAdherence && <TableCell>{r.adherence === undefined ? "" : `${r.adherence} %`}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
