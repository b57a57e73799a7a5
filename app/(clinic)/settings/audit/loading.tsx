import { FormSkeleton, LoadingRegion, PageHeaderSkeleton, TableSkeleton } from "@/components/ui/loading";

export default function AuditLogLoading() {
  return (
    <LoadingRegion label="Loading the audit log…" className="mx-auto flex max-w-6xl flex-col gap-6">
      <PageHeaderSkeleton actions={false} />
      <FormSkeleton fields={2} className="max-w-md" />
      <TableSkeleton rows={10} columns={4} />
    </LoadingRegion>
  );
}
