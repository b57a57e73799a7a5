import * as React from "react";
import { Slot } from "radix-ui";

import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

/** Field errors as produced by e.g. `z.flattenError(error).fieldErrors[name]`. */
type FieldErrors = string | readonly string[] | null | undefined;

/** The first non-empty message of a field's errors, or `undefined`. */
function firstError(errors: FieldErrors): string | undefined {
  if (!errors) return undefined;
  if (typeof errors === "string") return errors.trim() ? errors : undefined;
  return errors.find((message) => message.trim().length > 0);
}

type FieldErrorProps = Omit<React.ComponentProps<"p">, "children"> & {
  /** Must match an id in the control's `aria-describedby`. */
  id: string;
  errors?: FieldErrors;
};

/**
 * Renders the first error message for a field, or nothing. It deliberately has
 * no `role="alert"`: the control points at it with `aria-describedby` (and gets
 * `aria-invalid`), so the message is read when the user reaches the field,
 * and a form-level summary can announce that errors exist.
 */
function FieldError({ id, errors, className, ...props }: FieldErrorProps) {
  const message = firstError(errors);
  if (!message) return null;

  return (
    <p
      id={id}
      data-slot="field-error"
      className={cn("text-sm font-medium text-destructive", className)}
      {...props}
    >
      {message}
    </p>
  );
}

function FieldDescription({ className, ...props }: React.ComponentProps<"p">) {
  return (
    <p data-slot="field-description" className={cn("text-sm text-muted-foreground", className)} {...props} />
  );
}

/** Space-separated id list without empty entries, or `undefined` when empty. */
function joinIds(...ids: Array<string | false | null | undefined>): string | undefined {
  const joined = ids.filter(Boolean).join(" ");
  return joined || undefined;
}

function RequiredMark() {
  return (
    <span aria-hidden="true" className="text-destructive">
      *
    </span>
  );
}

/** Props `Field` gives its control. */
type FieldControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  required?: true;
};

type FieldProps = Omit<React.ComponentProps<"div">, "children"> & {
  /** Visible label text. */
  label: React.ReactNode;
  /**
   * Either exactly one form control element (Input, Textarea, NativeSelect,
   * Checkbox, Switch…), which receives `id`, `aria-describedby`,
   * `aria-invalid` and `required` (don't set those on it yourself), or a
   * function that receives those props and places them, e.g. on the
   * `SelectTrigger` of a Radix `Select` whose root is not the focusable element:
   * `{(control) => <Select name="x"><SelectTrigger {...control}>…</SelectTrigger>…</Select>}`.
   */
  children: React.ReactElement | ((control: FieldControlProps) => React.ReactNode);
  /** Id for the control; generated when omitted. */
  id?: string;
  description?: React.ReactNode;
  errors?: FieldErrors;
  /** Marks the label with a visual asterisk and sets `required` on the control. */
  required?: boolean;
  /** `horizontal` puts the control before the label (checkboxes, switches). */
  orientation?: "vertical" | "horizontal";
  labelClassName?: string;
};

/**
 * Label + control + description + error, with the ids wired up:
 * `<label for>` → control, and control `aria-describedby` → description and
 * (only while there is one) the error message.
 *
 * ```tsx
 * <Field label="Email" errors={state.errors?.email} required>
 *   <Input name="email" type="email" autoComplete="email" />
 * </Field>
 * ```
 */
function Field({
  label,
  children,
  id,
  description,
  errors,
  required = false,
  orientation = "vertical",
  className,
  labelClassName,
  ...props
}: FieldProps) {
  const generatedId = React.useId();
  const controlId = id ?? `field-${generatedId.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const descriptionId = `${controlId}-description`;
  const errorId = `${controlId}-error`;
  const message = firstError(errors);
  const invalid = message !== undefined;

  const controlProps: FieldControlProps = { id: controlId };
  const describedBy = joinIds(description ? descriptionId : null, invalid && errorId);
  if (describedBy) controlProps["aria-describedby"] = describedBy;
  if (invalid) controlProps["aria-invalid"] = true;
  if (required) controlProps.required = true;

  const control =
    typeof children === "function" ? (
      children(controlProps)
    ) : (
      <Slot.Root {...controlProps}>{children}</Slot.Root>
    );

  const labelNode = (
    <Label htmlFor={controlId} className={labelClassName}>
      {label}
      {required ? <RequiredMark /> : null}
    </Label>
  );

  return (
    <div
      data-slot="field"
      data-orientation={orientation}
      data-invalid={invalid || undefined}
      className={cn("grid content-start gap-2", className)}
      {...props}
    >
      {orientation === "horizontal" ? (
        <div className="flex items-center gap-2.5">
          {control}
          {labelNode}
        </div>
      ) : (
        <>
          {labelNode}
          {control}
        </>
      )}
      {description ? <FieldDescription id={descriptionId}>{description}</FieldDescription> : null}
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

type FieldSetProps = Omit<React.ComponentProps<"fieldset">, "children"> & {
  /** Visible group caption (rendered as `<legend>`). */
  legend: React.ReactNode;
  description?: React.ReactNode;
  errors?: FieldErrors;
  required?: boolean;
  /** Base id for the description / error ids; generated when omitted. */
  id?: string;
  children: React.ReactNode;
  legendClassName?: string;
};

/**
 * A group of related controls (radio group, checkbox list) with a `<legend>`.
 * The fieldset's `aria-describedby` points at the description and error.
 */
function FieldSet({
  legend,
  description,
  errors,
  required = false,
  id,
  children,
  className,
  legendClassName,
  ...props
}: FieldSetProps) {
  const generatedId = React.useId();
  const baseId = id ?? `fieldset-${generatedId.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const descriptionId = `${baseId}-description`;
  const errorId = `${baseId}-error`;
  const message = firstError(errors);
  const invalid = message !== undefined;

  return (
    <fieldset
      id={id}
      data-slot="fieldset"
      data-invalid={invalid || undefined}
      aria-describedby={joinIds(description ? descriptionId : null, invalid && errorId)}
      className={cn("grid min-w-0 gap-3", className)}
      {...props}
    >
      <legend className={cn("mb-1 text-sm leading-none font-medium", legendClassName)}>
        {legend}
        {required ? (
          <>
            {" "}
            <RequiredMark />
            <span className="sr-only">(required)</span>
          </>
        ) : null}
      </legend>
      {description ? <FieldDescription id={descriptionId}>{description}</FieldDescription> : null}
      {children}
      <FieldError id={errorId} errors={errors} />
    </fieldset>
  );
}

export {
  Field,
  FieldDescription,
  FieldError,
  FieldSet,
  firstError,
  type FieldControlProps,
  type FieldErrorProps,
  type FieldErrors,
  type FieldProps,
  type FieldSetProps,
};
