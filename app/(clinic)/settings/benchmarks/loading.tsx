import { CardGridSkeleton, LoadingRegion, PageHeaderSkeleton, TableSkeleton } from "@/components/ui/loading";

export default function BenchmarksLoading() {
  return (
    <LoadingRegion label="Loading the outcome benchmarks…" className="mx-auto flex max-w-6xl flex-col gap-6">
      <PageHeaderSkeleton />
      <CardGridSkeleton count={2} />
      <TableSkeleton rows={4} columns={4} />
      <TableSkeleton rows={4} columns={4} />
    </LoadingRegion>
  );
}
