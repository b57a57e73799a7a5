import { CardSkeleton, LoadingRegion, PageHeaderSkeleton } from "@/components/ui/loading";

export default function AssessmentLoading() {
  return (
    <LoadingRegion label="Loading the assessment…" className="mx-auto grid max-w-6xl gap-6">
      <PageHeaderSkeleton />
      <CardSkeleton lines={6} />
      <CardSkeleton lines={4} />
    </LoadingRegion>
  );
}
