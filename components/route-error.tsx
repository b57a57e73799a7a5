"use client";

import { TriangleAlert } from "@/components/ui/icons";
import { useSearchParams } from "next/navigation";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { isFreshSave, SAVED_BUT_DOWN_MESSAGE, SAVED_PARAM } from "@/lib/outage/messages";

/** The one error boundary of the signed-in and the sign-in pages: says whether a change was saved before the failure. */
export function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // Reached right after a save (the redirect carries the marker): the change was committed before this failed.
  const saved = isFreshSave(useSearchParams().get(SAVED_PARAM));
  return (
    <EmptyState
      icon={TriangleAlert}
      title={saved ? "Saved, but the next page could not be shown" : "Something went wrong"}
      description={
        saved
          ? SAVED_BUT_DOWN_MESSAGE
          : `This page could not be shown. If the database is not answering, nothing was saved: try again in a minute. ${error.digest ? `(Reference ${error.digest})` : ""}`
      }
      action={<Button onClick={reset}>Try again</Button>}
    />
  );
}
