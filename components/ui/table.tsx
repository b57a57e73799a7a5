import * as React from "react";

import { cn } from "@/lib/utils";

type TableProps = React.ComponentProps<"table"> & {
  /**
   * Props for the horizontally scrolling wrapper. When a table can overflow
   * (e.g. on a 768px tablet) and has no links or buttons inside, pass
   * `{ tabIndex: 0, role: "region", "aria-label": "Patients" }` so keyboard
   * users can scroll it.
   */
  containerProps?: React.ComponentProps<"div">;
};

function Table({ className, containerProps, ...props }: TableProps) {
  const { className: containerClassName, ...restContainerProps } = containerProps ?? {};
  return (
    <div
      data-slot="table-container"
      className={cn(
        // contain:inline-size keeps a wide table's min-content out of the page's
        // grid tracks: the table scrolls inside its box instead of widening the page
        "relative w-full overflow-x-auto rounded-[inherit] outline-none [contain:inline-size] focus-visible:ring-[3px] focus-visible:ring-ring/50",
        containerClassName,
      )}
      {...restContainerProps}
    >
      <table
        data-slot="table"
        className={cn("w-full caption-bottom border-collapse text-sm", className)}
        {...props}
      />
    </div>
  );
}

function TableHeader({ className, ...props }: React.ComponentProps<"thead">) {
  return <thead data-slot="table-header" className={cn("[&_tr]:border-b", className)} {...props} />;
}

function TableBody({ className, ...props }: React.ComponentProps<"tbody">) {
  return (
    <tbody data-slot="table-body" className={cn("[&_tr:last-child]:border-0", className)} {...props} />
  );
}

function TableFooter({ className, ...props }: React.ComponentProps<"tfoot">) {
  return (
    <tfoot
      data-slot="table-footer"
      className={cn("border-t bg-muted/50 font-medium [&>tr]:last:border-b-0", className)}
      {...props}
    />
  );
}

function TableRow({ className, ...props }: React.ComponentProps<"tr">) {
  return (
    <tr
      className={cn("tbl-row", className)}
      {...props}
    />
  );
}

function TableHead({ className, scope = "col", ...props }: React.ComponentProps<"th">) {
  return (
    <th
      scope={scope}
      className={cn("tbl-head", className)}
      {...props}
    />
  );
}

function TableCell({ className, ...props }: React.ComponentProps<"td">) {
  return (
    <td
      className={cn("tbl-cell", className)}
      {...props}
    />
  );
}

function TableCaption({ className, ...props }: React.ComponentProps<"caption">) {
  return (
    <caption
      data-slot="table-caption"
      className={cn("mt-4 text-sm text-muted-foreground", className)}
      {...props}
    />
  );
}

export {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
  type TableProps,
};
