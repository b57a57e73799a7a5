import * as React from "react";
import { ChevronDown as ChevronDownIcon } from "@/components/ui/icons";

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
      // The styles are the `field-select*` classes in app/globals.css.
      className={cn("field-select-wrapper", wrapperClassName)}
    >
      <select
        data-slot="native-select"
        data-size={size}
        className={cn("field-select", multiple ? "field-select-multiple" : "field-select-single", className)}
        {...props}
      />
      {multiple ? null : (
        <ChevronDownIcon
          aria-hidden="true"
          className="field-select-chevron"
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
