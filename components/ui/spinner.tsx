import * as React from "react";
import { Loader2 as Loader2Icon } from "@/components/ui/icons";

import { cn } from "@/lib/utils";

type SpinnerProps = Omit<React.ComponentProps<"span">, "children"> & {
  /**
   * Text announced to screen readers (default "Loading…"). Pass `null` when
   * the spinner sits inside something already labelled, e.g. a pending submit
   * button whose text changes to "Saving…"; it then becomes purely decorative.
   */
  label?: string | null;
  iconClassName?: string;
};

/** An indeterminate spinner. With a label it is a polite `role="status"` live region. */
function Spinner({ label = "Loading…", className, iconClassName, ...props }: SpinnerProps) {
  const icon = (
    <Loader2Icon
      aria-hidden="true"
      className={cn("size-4 animate-spin", iconClassName)}
    />
  );

  if (label === null) {
    return (
      <span data-slot="spinner" aria-hidden="true" className={cn("inline-flex", className)} {...props}>
        {icon}
      </span>
    );
  }

  return (
    <span
      data-slot="spinner"
      role="status"
      className={cn("inline-flex items-center gap-2", className)}
      {...props}
    >
      {icon}
      <span className="sr-only">{label}</span>
    </span>
  );
}

export { Spinner, type SpinnerProps };
