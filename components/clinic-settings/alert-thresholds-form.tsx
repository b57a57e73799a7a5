"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { saveAlertThresholdsAction } from "@/lib/alerts/actions";
import type { AlertThresholds } from "@/lib/clinical/alert-rules";

type Limits = Record<keyof AlertThresholds, { min: number; max: number }>;

/** When what patients report at home raises an alert for staff. */
export function AlertThresholdsForm({ thresholds, defaults, limits }: { thresholds: AlertThresholds; defaults: AlertThresholds; limits: Limits }) {
  const [state, action, pending] = useActionState(saveAlertThresholdsAction, {});
  const value = (key: keyof AlertThresholds) => state.values?.[key] ?? String(thresholds[key]);
  const field = (key: keyof AlertThresholds, label: string, description: string) => (
    <Field label={label} errors={state.errors?.[key]} description={description} className="max-w-xs">
      <Input name={key} type="number" inputMode="numeric" step={1} min={limits[key].min} max={limits[key].max} defaultValue={value(key)} />
    </Field>
  );
  return (
    <form action={action} noValidate className="grid gap-4" aria-label="Alert thresholds">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        {field("painAtLeast", "Pain at or above (0-10)", `Default ${defaults.painAtLeast}: the start of the severe band of the numeric pain scale.`)}
        {field("tooHardRun", '"Too hard" sessions in a row', `Default ${defaults.tooHardRun} [U].`)}
        {field("notLoggingDays", "Days without a session logged", `Default ${defaults.notLoggingDays} [U].`)}
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          Save alert thresholds
        </Button>
      </div>
    </form>
  );
}
