"use client";

import { useEffect, useRef } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { toInputId } from "./form-context";

/**
 * A long form needs a map of what was refused: each message links to its
 * field. It takes focus when it appears (it only mounts after a refused
 * submit), so keyboard and screen-reader users land on it, not on the body.
 */
export function ErrorSummary({ message, errors }: { message?: string; errors?: Record<string, string[] | undefined> }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: "start" });
  }, []);
  const entries = Object.entries(errors ?? {}).filter(([, list]) => list && list.length > 0);
  return (
    <Alert ref={ref} variant="destructive" tabIndex={-1} aria-labelledby="error-summary-title" data-error-summary className="scroll-mt-20 outline-none focus-visible:ring-2 focus-visible:ring-destructive">
      <AlertTitle id="error-summary-title">{message ?? "Some fields need attention."}</AlertTitle>
      {entries.length > 0 && (
        <AlertDescription>
          <ul className="ml-4 list-disc">
            {entries.map(([key, list]) => (
              <li key={key}>
                {key === "_form" ? (
                  list?.[0]
                ) : (
                  <a
                    href={`#${toInputId(key)}`}
                    className="underline underline-offset-4"
                    onClick={(e) => {
                      // Move focus into the field itself (an anchor alone only scrolls)
                      const target = document.getElementById(toInputId(key));
                      if (!target) return;
                      e.preventDefault();
                      const focusable = target.matches("input, select, textarea") ? target : target.querySelector<HTMLElement>("input, select, textarea");
                      target.scrollIntoView({ block: "center" });
                      (focusable ?? target).focus();
                    }}
                  >
                    {list?.[0]}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </AlertDescription>
      )}
    </Alert>
  );
}
