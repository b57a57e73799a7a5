"use client";

import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FieldError } from "@/components/ui/form-field";
import { cn } from "@/lib/utils";
import { toInputId, useFormValues } from "./form-context";

type Props = {
  name: string;
  label: string;
  /** Shown after the input, e.g. "deg". */
  unit?: string;
  min?: number;
  max?: number;
  step?: number | "any";
  /** Text entry (MMT grades such as 4+) instead of a number input. */
  text?: boolean;
  describedBy?: string;
  className?: string;
  labelClassName?: string;
};

/** A labelled numeric input whose error sits right under it; blank means "not recorded". */
export function NumberField({ name, label, unit, min, max, step = "any", text = false, describedBy, className, labelClassName }: Props) {
  const { value, errors } = useFormValues();
  const id = toInputId(name);
  const fieldErrors = errors(name);
  const errorId = `${id}-error`;
  const ids = [describedBy, fieldErrors ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("grid content-start gap-1.5", className)}>
      <Label htmlFor={id} className={labelClassName}>
        {label}
        {unit && <span className="sr-only"> ({unit})</span>}
      </Label>
      <div className="flex items-center gap-2">
        <Input
          id={id}
          name={name}
          type={text ? "text" : "number"}
          inputMode={text ? "text" : "decimal"}
          min={min}
          max={max}
          step={text ? undefined : step}
          autoComplete="off"
          defaultValue={value(name)}
          aria-invalid={fieldErrors ? true : undefined}
          aria-describedby={ids}
          className="w-24"
        />
        {unit && (
          <span className="text-sm text-muted-foreground" aria-hidden>
            {unit}
          </span>
        )}
      </div>
      <FieldError id={errorId} errors={fieldErrors} />
    </div>
  );
}
