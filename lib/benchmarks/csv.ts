import { writeCsv } from "@/lib/csv/write-csv";
import { OUTCOME_PERIOD_LABELS } from "@/lib/dashboard/outcome-periods";
import { formatRule, type BenchmarkGroup, type ClinicBenchmarks, type ResponderRate } from "./build";

/** A share as a whole percent; null when nothing is eligible (never 0 %, which would be a finding). */
export function formatShare(numerator: number, denominator: number): string | null {
  return denominator === 0 ? null : `${Math.round((numerator / denominator) * 100)} %`;
}

const FIELDS = ["period", "section", "group", "patients", "figure", "numerator", "denominator", "percent", "rule_or_source"];

function rateRows(period: string, section: string, g: BenchmarkGroup) {
  const row = (figure: string, r: ResponderRate) => ({
    period, section, group: g.label, patients: g.patients, figure, numerator: r.responders, denominator: r.eligible,
    percent: formatShare(r.responders, r.eligible) ?? "", rule_or_source: r.rules.map(formatRule).join(" | "),
  });
  return [row("Pain (NPRS) responders", g.pain), row("Main questionnaire responders", g.main)];
}

/** The page's figures as CSV, one row per figure (long format), through the one CSV writer. */
export function buildBenchmarksCsv(b: ClinicBenchmarks): string {
  const period = OUTCOME_PERIOD_LABELS[b.period];
  const rows = [
    ...rateRows(period, "All patients", b.overall),
    ...b.dimensions.flatMap((d) => d.groups.flatMap((g) => rateRows(period, d.title, g))),
    ...b.indicators.map((i) => ({
      period, section: "Measured at intake and discharge", group: "All patients", patients: i.eligible, figure: i.label,
      numerator: i.measured, denominator: i.eligible, percent: formatShare(i.measured, i.eligible) ?? "", rule_or_source: i.source,
    })),
  ];
  return writeCsv(FIELDS, rows);
}
