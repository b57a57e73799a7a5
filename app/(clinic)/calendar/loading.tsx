import { LoadingRegion, PageHeaderSkeleton } from "@/components/ui/loading";
import { Skeleton } from "@/components/ui/skeleton";

export default function CalendarLoading() {
  return (
    <LoadingRegion label="Loading the calendar…" className="mx-auto grid max-w-[100rem] gap-4">
      <PageHeaderSkeleton actions={false} />
      <Skeleton className="h-9 w-full max-w-2xl" />
      <Skeleton className="h-[32rem] w-full" />
    </LoadingRegion>
  );
}
