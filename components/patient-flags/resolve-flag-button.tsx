"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { resolveFlagAction } from "@/lib/patient-flags/actions";
import { FormMessage } from "@/components/ui/form-message";

export function ResolveFlagButton({ patientId, flagId, label }: { patientId: string; flagId: string; label: string }) {
  const [state, action, pending] = useActionState(resolveFlagAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="flagId" value={flagId} />
      <Button type="submit" variant="outline" size="sm" disabled={pending} aria-label={`Mark ${label} resolved`}>
        Mark resolved
      </Button>
      <FormMessage state={state} variant="inline" />
    </form>
  );
}
