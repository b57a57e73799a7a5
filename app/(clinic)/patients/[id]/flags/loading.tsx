import { PageSkeleton } from "@/components/ui/loading";

export default function PatientFlagsLoading() {
  return <PageSkeleton label="Loading safety flags…" className="mx-auto max-w-6xl" rows={3} columns={4} />;
}
