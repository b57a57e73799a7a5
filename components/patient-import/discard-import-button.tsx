"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { discardImportAction } from "@/lib/patient-import/actions";

/** Deletes the import's staged rows; patients already imported stay. */
export function DiscardImportButton({ importId, label = "Discard this import" }: { importId: string; label?: string }) {
  const [state, action, pending] = useActionState(discardImportAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="importId" value={importId} />
      <Button type="submit" variant="outline" disabled={pending}>
        {label}
      </Button>
      <FormMessage state={state} variant="inline" />
    </form>
  );
}
