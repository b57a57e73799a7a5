"use client";

import { TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function AuthError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <EmptyState
      icon={TriangleAlert}
      title="Something went wrong"
      description={`This page could not be shown. Nothing you saved is lost. ${error.digest ? `(Reference ${error.digest})` : ""}`}
      action={<Button onClick={reset}>Try again</Button>}
    />
  );
}
