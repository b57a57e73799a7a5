import type { Metadata } from "next";
import { BarChart3, FileDown } from "@/components/ui/icons";
import { BenchmarkSummary } from "@/components/benchmarks/benchmark-summary";
import { BenchmarkTable } from "@/components/benchmarks/benchmark-table";
import { SegmentedLinks } from "@/components/dashboard/segmented-links";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { requireAdminScope } from "@/lib/auth/scope";
import { getClinicBenchmarks } from "@/lib/benchmarks/load";
import { OUTCOME_PERIOD_LABELS, OUTCOME_PERIODS, parseOutcomePeriod } from "@/lib/dashboard/outcome-periods";
import { holdForE2e } from "@/lib/e2e-hold";
import { SettingsCrumb } from "@/components/settings/settings-crumb";

export const metadata: Metadata = { title: "Outcome benchmarks" };

export default async function BenchmarksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await holdForE2e();
  const scope = await requireAdminScope();
  const period = parseOutcomePeriod((await searchParams).period);
  const benchmarks = await getClinicBenchmarks(await getDb(scope), scope, period);
  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <PageHeader
        eyebrow={<SettingsCrumb />}
        title="Outcome benchmarks"
        description="Of the patients who completed a decompression course or home programme in the period: how many reached meaningful change, by pattern, programme, protocol and practitioner, and how often pain and function were measured at intake and discharge."
        actions={
          <Button variant="outline" asChild>
            <a href={`/settings/benchmarks/csv?period=${period}`} download>
              <FileDown className="size-4" aria-hidden />
              Download CSV
            </a>
          </Button>
        }
      />
      <SegmentedLinks
        label="Benchmark period"
        items={OUTCOME_PERIODS.map((p) => ({ href: `/settings/benchmarks?period=${p}`, label: OUTCOME_PERIOD_LABELS[p], current: p === period }))}
      />
      {benchmarks.overall.patients === 0 ? (
        <EmptyState
          icon={BarChart3}
          title="No completed treatment in this period"
          description="Benchmarks count patients who completed a decompression course or a home programme in the period. Choose a longer period."
        />
      ) : (
        <>
          <BenchmarkSummary benchmarks={benchmarks} />
          {benchmarks.dimensions.map((d) => (
            <BenchmarkTable key={d.key} dimension={d} />
          ))}
        </>
      )}
    </div>
  );
}
