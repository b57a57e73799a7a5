"use client";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { toInputId } from "./form-context";

/** A long form needs a map of what was refused: each message links to its field. */
export function ErrorSummary({ message, errors }: { message?: string; errors?: Record<string, string[] | undefined> }) {
  const entries = Object.entries(errors ?? {}).filter(([, list]) => list && list.length > 0);
  return (
    <Alert variant="destructive">
      <AlertTitle>{message ?? "Some fields need attention."}</AlertTitle>
      {entries.length > 0 && (
        <AlertDescription>
          <ul className="ml-4 list-disc">
            {entries.map(([key, list]) => (
              <li key={key}>
                {key === "_form" ? (
                  list?.[0]
                ) : (
                  <a href={`#${toInputId(key)}`} className="underline underline-offset-4">
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
