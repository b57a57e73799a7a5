import Link from "next/link";
import { SearchX } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  return (
    <EmptyState
      icon={SearchX}
      title="Not found"
      titleAs="h1"
      description="There is nothing here, or it is not part of your clinic's records."
      action={
        <Button asChild variant="outline">
          <Link href="/patients">Back to patients</Link>
        </Button>
      }
    />
  );
}
