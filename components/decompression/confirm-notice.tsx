"use client";

import { TriangleAlert } from "@/components/ui/icons";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * A warning the server raised (force above threshold, precautions): the form
 * is sent again with `name=value` from this button, which the server stores.
 */
export function ConfirmNotice({ message, name, label, pending }: { message: string; name: string; label: string; pending: boolean }) {
  return (
    <Alert variant="warning" data-testid="confirm-warning">
      <TriangleAlert aria-hidden />
      <AlertTitle>Check before continuing</AlertTitle>
      <AlertDescription>
        <p>{message}</p>
        <Button type="submit" name={name} value="true" disabled={pending} className="mt-2">
          {label}
        </Button>
      </AlertDescription>
    </Alert>
  );
}
