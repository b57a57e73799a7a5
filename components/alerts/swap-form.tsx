"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { swapAlertAction } from "@/lib/alerts/actions";

type Props = { alertId: string; itemId: string; toRef: string; summary: string };

/** Takes the swap the alert offers: a new programme version, on the patient's same link; closes the alert. */
export function SwapAlertForm({ alertId, itemId, toRef, summary }: Props) {
  const [state, action, pending] = useActionState(swapAlertAction, {});
  return (
    <form action={action} className="grid gap-2 rounded-md border border-dashed p-3">
      <input type="hidden" name="alertId" value={alertId} />
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="toRef" value={toRef} />
      <p className="text-sm">
        <span className="font-medium">Suggested swap:</span> {summary}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="sm" disabled={pending}>
          Make the swap
        </Button>
        <FormMessage state={state} variant="inline" />
      </div>
    </form>
  );
}
