import * as React from "react";
import { ChevronDownIcon } from "lucide-react";

import { cn } from "@/lib/utils";

type NativeSelectProps = Omit<React.ComponentProps<"select">, "size"> & {
  size?: "sm" | "default";
  /** Classes for the positioning wrapper (width, margins). `className` styles the `<select>` itself. */
  wrapperClassName?: string;
};

/**
 * A styled native `<select>`. Prefer it over the Radix `Select` inside forms
 * that post `FormData` to server actions, or that must work before hydration:
 * it submits its `name`/`value` natively and keeps the platform's keyboard and
 * screen-reader behaviour.
 */
function NativeSelect({ className, wrapperClassName, size = "default", ...props }: NativeSelectProps) {
  const multiple = Boolean(props.multiple);

  return (
    <div
      data-slot="native-select-wrapper"
      className={cn(
        "group/native-select relative h-fit w-full has-[select:disabled]:opacity-50",
        wrapperClassName,
      )}
    >
      <select
        data-slot="native-select"
        data-size={size}
        className={cn(
          "block w-full min-w-0 appearance-none rounded-md border border-input bg-background py-1 pr-9 pl-3 text-base shadow-xs transition-[color,border-color,box-shadow] outline-none md:text-sm dark:bg-input/30",
          multiple ? "h-auto py-1.5 pr-3" : "data-[size=default]:h-9 data-[size=sm]:h-8",
          "focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50",
          "aria-invalid:border-destructive aria-invalid:ring-destructive/20 dark:aria-invalid:ring-destructive/40",
          "disabled:pointer-events-none disabled:cursor-not-allowed",
          className,
        )}
        {...props}
      />
      {multiple ? null : (
        <ChevronDownIcon
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground select-none"
        />
      )}
    </div>
  );
}

function NativeSelectOption(props: React.ComponentProps<"option">) {
  return <option data-slot="native-select-option" {...props} />;
}

function NativeSelectOptGroup(props: React.ComponentProps<"optgroup">) {
  return <optgroup data-slot="native-select-optgroup" {...props} />;
}

export { NativeSelect, NativeSelectOptGroup, NativeSelectOption, type NativeSelectProps };
