import * as React from "react";

import { cn } from "@/lib/utils";

type PageHeaderProps = Omit<React.ComponentProps<"div">, "title"> & {
  /** Page title, rendered as the page's single `<h1>`. */
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Buttons / links aligned to the end; hidden when printing. */
  actions?: React.ReactNode;
  /** Content above the title, e.g. breadcrumbs or a back link (hidden when printing). */
  eyebrow?: React.ReactNode;
};

function PageHeader({ title, description, actions, eyebrow, className, children, ...props }: PageHeaderProps) {
  return (
    <div data-slot="page-header" className={cn("flex flex-col gap-4 pb-6", className)} {...props}>
      {eyebrow ? (
        <div data-slot="page-header-eyebrow" data-print-hide="" className="text-sm text-muted-foreground">
          {eyebrow}
        </div>
      ) : null}
      <div className="flex flex-col gap-4 md:flex-row md:items-start md:justify-between">
        <div className="flex min-w-0 flex-col gap-1.5">
          <h1
            data-slot="page-header-title"
            className="text-2xl leading-tight font-semibold tracking-tight text-balance"
          >
            {title}
          </h1>
          {description ? (
            <p data-slot="page-header-description" className="max-w-prose text-sm text-muted-foreground">
              {description}
            </p>
          ) : null}
        </div>
        {actions ? (
          <div
            data-slot="page-header-actions"
            data-print-hide=""
            className="flex shrink-0 flex-wrap items-center gap-2"
          >
            {actions}
          </div>
        ) : null}
      </div>
      {children}
    </div>
  );
}

export { PageHeader, type PageHeaderProps };
