import { PageSkeleton } from "@/components/ui/loading";

export default function SetupLoading() {
  return <PageSkeleton label="Loading…" cards={2} rows={0} />;
}
