import { PageSkeleton } from "@/components/ui/loading";

export default function Loading() {
  return <PageSkeleton label="Loading the exercise library…" rows={10} columns={5} />;
}
