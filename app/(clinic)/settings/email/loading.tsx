import { LoadingRegion, PageHeaderSkeleton, TableSkeleton } from "@/components/ui/loading";

export default function EmailSettingsLoading() {
  return (
    <LoadingRegion label="Loading email delivery…" className="mx-auto flex max-w-6xl flex-col gap-6">
      <PageHeaderSkeleton actions={false} />
      <TableSkeleton rows={6} columns={6} />
    </LoadingRegion>
  );
}
