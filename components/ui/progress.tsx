"use client";

import * as React from "react";
import { Progress as ProgressPrimitive } from "radix-ui";

import { cn } from "@/lib/utils";

type ProgressProps = React.ComponentProps<typeof ProgressPrimitive.Root> & {
  indicatorClassName?: string;
};

/**
 * Radix progress bar (`role="progressbar"` with aria-valuenow/max). Give it an
 * accessible name with `aria-label` or `aria-labelledby`. Omit `value` (or pass
 * `null`) for an indeterminate bar.
 */
function Progress({ className, indicatorClassName, value, max = 100, ...props }: ProgressProps) {
  const percent =
    typeof value === "number" && max > 0 ? Math.min(100, Math.max(0, (value / max) * 100)) : null;

  return (
    <ProgressPrimitive.Root
      data-slot="progress"
      value={value}
      max={max}
      className={cn("relative h-2 w-full overflow-hidden rounded-full bg-primary/20", className)}
      {...props}
    >
      <ProgressPrimitive.Indicator
        data-slot="progress-indicator"
        className={cn(
          "h-full w-full flex-1 bg-primary transition-transform",
          percent === null && "w-1/3 animate-pulse",
          indicatorClassName,
        )}
        style={{ transform: `translateX(-${100 - (percent ?? 100)}%)` }}
      />
    </ProgressPrimitive.Root>
  );
}

export { Progress, type ProgressProps };
