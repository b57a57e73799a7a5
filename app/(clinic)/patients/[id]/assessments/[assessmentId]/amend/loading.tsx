import { FormSkeleton, LoadingRegion, PageHeaderSkeleton } from "@/components/ui/loading";

export default function AmendAssessmentLoading() {
  return (
    <LoadingRegion label="Loading the assessment form…" className="mx-auto grid max-w-6xl gap-6">
      <PageHeaderSkeleton actions={false} />
      <FormSkeleton fields={8} />
    </LoadingRegion>
  );
}
