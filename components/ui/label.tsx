"use client";

import * as React from "react";
import { Label as LabelPrimitive } from "radix-ui";

import { cn } from "@/lib/utils";

function Label({ className, ...props }: React.ComponentProps<typeof LabelPrimitive.Root>) {
  return (
    <LabelPrimitive.Root
      data-slot="label"
      // The styles are the `field-label` class in app/globals.css.
      className={cn("field-label", className)}
      {...props}
    />
  );
}

export { Label };
