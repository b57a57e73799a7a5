import { CardSkeleton, LoadingRegion, PageHeaderSkeleton } from "@/components/ui/loading";

export default function Loading() {
  return (
    <LoadingRegion className="mx-auto grid max-w-5xl gap-6">
      <PageHeaderSkeleton />
      <CardSkeleton lines={4} />
      <CardSkeleton lines={3} />
    </LoadingRegion>
  );
}
