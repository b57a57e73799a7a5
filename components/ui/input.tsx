import * as React from "react";

import { cn } from "@/lib/utils";

function Input({ className, type, ...props }: React.ComponentProps<"input">) {
  return (
    <input
      type={type}
      data-slot="input"
      // The styles are the `field-input` class in app/globals.css.
      className={cn("field-input", className)}
      {...props}
    />
  );
}

export { Input };
