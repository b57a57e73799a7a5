import { PageSkeleton } from "@/components/ui/loading";

export default function ImportLoading() {
  return <PageSkeleton label="Loading the import…" className="mx-auto max-w-5xl" rows={4} columns={3} />;
}
