import { CardSkeleton, LoadingRegion, PageHeaderSkeleton } from "@/components/ui/loading";

export default function ClinicalSettingsLoading() {
  return (
    <LoadingRegion label="Loading clinical settings…" className="mx-auto grid max-w-4xl gap-6">
      <PageHeaderSkeleton actions={false} />
      <CardSkeleton lines={4} />
      <CardSkeleton lines={4} />
    </LoadingRegion>
  );
}
