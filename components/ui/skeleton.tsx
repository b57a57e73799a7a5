import * as React from "react";

import { cn } from "@/lib/utils";

/**
 * A pulsing placeholder block. Purely visual (`aria-hidden`); wrap groups of
 * skeletons in `LoadingRegion` (components/ui/loading.tsx) so screen readers
 * hear a single "Loading…" status instead.
 */
function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cn("skeleton", className)}
      {...props}
    />
  );
}

export { Skeleton };
