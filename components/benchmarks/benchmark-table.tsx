import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { BenchmarkDimension, ResponderRate } from "@/lib/benchmarks/build";
import { formatShare } from "@/lib/benchmarks/csv";

/** "1 of 2 (50 %)", or "none eligible": a rate over nobody is not 0 %. */
function RateCell({ rate }: { rate: ResponderRate }) {
  return (
    <TableCell className="align-top">
      {rate.eligible === 0 ? (
        <span className="text-muted-foreground">None eligible</span>
      ) : (
        <span className="tabular-nums">
          <span className="font-medium">{formatShare(rate.responders, rate.eligible)}</span> ({rate.responders} of {rate.eligible})
        </span>
      )}
      {rate.rules.length > 0 && <span className="block text-xs text-muted-foreground">{rate.rules.map((r) => r.name).join("; ")}</span>}
    </TableCell>
  );
}

/** One grouping of the responder rates: each group's patients, and its responders of the eligible on pain and the main questionnaire. */
export function BenchmarkTable({ dimension }: { dimension: BenchmarkDimension }) {
  return (
    <section aria-labelledby={`bench-${dimension.key}`} className="grid gap-2">
      <h2 id={`bench-${dimension.key}`} className="text-base font-semibold">
        {dimension.title}
      </h2>
      <p className="text-sm text-muted-foreground">{dimension.note}</p>
      <Table containerProps={{ className: "rounded-md border", tabIndex: 0, role: "region", "aria-label": dimension.title }}>
        <TableCaption className="sr-only">Responder rates {dimension.title.toLowerCase()}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Group</TableHead>
            <TableHead className="text-right">Patients</TableHead>
            <TableHead>Pain (NPRS) responders</TableHead>
            <TableHead>Main questionnaire responders</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {dimension.groups.map((g) => (
            <TableRow key={g.key}>
              <TableHead scope="row" className="max-w-72 align-top font-normal whitespace-normal">
                {g.label}
              </TableHead>
              <TableCell className="text-right align-top tabular-nums">{g.patients}</TableCell>
              <RateCell rate={g.pain} />
              <RateCell rate={g.main} />
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
