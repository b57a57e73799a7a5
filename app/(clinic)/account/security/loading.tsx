import { PageSkeleton } from "@/components/ui/loading";

export default function SecurityLoading() {
  return <PageSkeleton label="Loading sign-in security…" className="mx-auto max-w-3xl" cards={2} rows={0} />;
}
