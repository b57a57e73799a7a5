import { CardSkeleton, LoadingRegion, PageHeaderSkeleton } from "@/components/ui/loading";

export default function Loading() {
  return (
    <LoadingRegion label="Loading progress charts…" className="mx-auto grid max-w-6xl gap-6">
      <PageHeaderSkeleton />
      <CardSkeleton lines={8} />
      <CardSkeleton lines={8} />
    </LoadingRegion>
  );
}
