"use client";

import { useActionState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { saveCoreRatioAction } from "@/lib/clinic-settings/actions";

/** The clinic's "well below" fraction for the weak-core pattern suggestion. */
export function CoreRatioForm({ fraction }: { fraction: number }) {
  const [state, action, pending] = useActionState(saveCoreRatioAction, {});
  const err = state.errors?.coreRatioFraction;
  return (
    <form action={action} noValidate className="grid gap-4" aria-label="Weak-core pattern threshold">
      {state.message && !state.ok && (
        <Alert variant="destructive">
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      )}
      {state.ok && state.message && (
        <p role="status" className="text-sm text-muted-foreground">
          {state.message}
        </p>
      )}
      <Field
        label="Well below the healthy ratio means under this fraction of it"
        errors={err}
        description="Default 0.5 (half), a house choice without a published source [U]."
        className="max-w-md"
      >
        <Input name="coreRatioFraction" type="number" step="0.05" min={0.05} max={1} inputMode="decimal" defaultValue={state.values?.coreRatioFraction ?? String(fraction)} />
      </Field>
      <div>
        <Button type="submit" disabled={pending}>
          Save threshold
        </Button>
      </div>
    </form>
  );
}
