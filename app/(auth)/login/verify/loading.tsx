import { PageSkeleton } from "@/components/ui/loading";

export default function VerifyLoading() {
  return <PageSkeleton label="Loading…" rows={2} columns={1} />;
}
