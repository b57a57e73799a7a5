"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { setEnquiryRetentionAction } from "@/lib/enquiries/actions";

/** Admins set how long enquiries that never became patients are kept. */
export function EnquiryRetentionForm({ days }: { days: number }) {
  const [state, action, pending] = useActionState(setEnquiryRetentionAction, {});
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <div className="grid gap-1">
        <Label htmlFor="retention-days">Keep enquiries that do not become patients for (days)</Label>
        <Input id="retention-days" name="days" type="number" min={1} max={3650} required defaultValue={state.values?.days ?? String(days)} className="w-32" aria-invalid={Boolean(state.errors?.days) || undefined} aria-describedby={state.errors?.days ? "retention-days-error" : undefined} />
        <FieldError id="retention-days-error" errors={state.errors?.days} />
      </div>
      <Button type="submit" variant="outline" disabled={pending}>
        Save
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
