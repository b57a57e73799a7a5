import { CardSkeleton, LoadingRegion, PageHeaderSkeleton } from "@/components/ui/loading";

export default function FeedLoading() {
  return (
    <LoadingRegion label="Loading the feed…" className="mx-auto grid max-w-3xl gap-6">
      <PageHeaderSkeleton actions={false} />
      <CardSkeleton lines={2} />
    </LoadingRegion>
  );
}
