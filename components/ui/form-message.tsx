"use client";

import * as React from "react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { cn } from "@/lib/utils";

type FormOutcome = { ok?: boolean; message?: string };

type FormMessageProps = {
  /** The action state: a refusal shows as an alert, a success as a status line. */
  state: FormOutcome;
  /** "block": alert box and status line (forms); "inline": one small line (row actions); "sr-only": heard, not seen. */
  variant?: "block" | "inline" | "sr-only";
  /** Move focus to the refusal when it appears, for long forms. */
  focusOnError?: boolean;
  className?: string;
};

/**
 * A form's own outcome message. The polite live region is always in the DOM,
 * so a confirmation such as "Saved" is announced by screen readers when it
 * appears (a region inserted together with its text often is not); a refusal
 * is an alert, announced at once.
 */
function FormMessage({ state, variant = "block", focusOnError = false, className }: FormMessageProps) {
  const alertRef = React.useRef<HTMLDivElement>(null);
  const refused = Boolean(state.message) && !state.ok;
  React.useEffect(() => {
    if (refused && focusOnError) alertRef.current?.focus();
  }, [refused, focusOnError, state]);
  const success = state.ok && state.message ? state.message : "";
  if (variant !== "block") {
    return (
      <p
        data-slot="form-message"
        role={refused ? "alert" : "status"}
        className={cn(
          variant === "sr-only" ? "sr-only" : refused ? "text-xs font-medium text-destructive" : "text-xs text-muted-foreground",
          className,
        )}
      >
        {refused ? state.message : success}
      </p>
    );
  }
  return (
    <>
      {refused && (
        <Alert ref={alertRef} variant="destructive" tabIndex={-1} className={cn("outline-none", className)}>
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      )}
      <p data-slot="form-message" role="status" className={cn("text-sm text-muted-foreground empty:hidden", className)}>
        {success}
      </p>
    </>
  );
}

export { FormMessage, type FormMessageProps };
