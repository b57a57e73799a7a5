import * as React from "react";

import { cn } from "@/lib/utils";

function Textarea({ className, ...props }: React.ComponentProps<"textarea">) {
  return (
    <textarea
      data-slot="textarea"
      // The styles are the `field-textarea` class in app/globals.css.
      className={cn("field-textarea", className)}
      {...props}
    />
  );
}

export { Textarea };
