import { CardSkeleton, LoadingRegion, PageHeaderSkeleton } from "@/components/ui/loading";

export default function CalendarSettingsLoading() {
  return (
    <LoadingRegion label="Loading calendar settings…" className="mx-auto grid max-w-4xl gap-6">
      <PageHeaderSkeleton actions={false} />
      <CardSkeleton lines={3} />
      <CardSkeleton lines={2} />
    </LoadingRegion>
  );
}
