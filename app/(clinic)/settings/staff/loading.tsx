import { PageSkeleton } from "@/components/ui/loading";

export default function StaffLoading() {
  return <PageSkeleton label="Loading staff…" className="mx-auto max-w-6xl" rows={4} columns={5} />;
}
