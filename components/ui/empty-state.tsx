import * as React from "react";
import type { IconComponent } from "@/components/ui/icons";

import { cn } from "@/lib/utils";

type EmptyStateProps = Omit<React.ComponentProps<"div">, "title"> & {
  /** An icon from `@/components/ui/icons` (e.g. `Users`) or any decorative node. */
  icon?: IconComponent | React.ReactNode;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Call to action, e.g. `<Button asChild><Link href="/patients/new">Add patient</Link></Button>`. */
  action?: React.ReactNode;
  /** Heading element for the title; pick the level that fits the page outline (default `h2`). */
  titleAs?: "h1" | "h2" | "h3" | "h4" | "p";
};

function isComponentType(value: unknown): value is IconComponent {
  return (
    typeof value === "function" ||
    (typeof value === "object" && value !== null && "$$typeof" in value && "render" in value)
  );
}

/** Placeholder for an empty list, search without results or a not-yet-started workflow. */
function EmptyState({
  icon,
  title,
  description,
  action,
  titleAs: Title = "h2",
  className,
  children,
  ...props
}: EmptyStateProps) {
  let iconNode: React.ReactNode = null;
  if (isComponentType(icon)) {
    const Icon = icon;
    iconNode = <Icon className="size-6" aria-hidden="true" />;
  } else if (icon) {
    iconNode = icon;
  }

  return (
    <div
      data-slot="empty-state"
      className={cn(
        "flex flex-col items-center justify-center gap-4 rounded-lg border border-dashed px-6 py-10 text-center text-balance",
        className,
      )}
      {...props}
    >
      {iconNode ? (
        <div
          data-slot="empty-state-icon"
          aria-hidden="true"
          className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground [&_svg:not([class*='size-'])]:size-6"
        >
          {iconNode}
        </div>
      ) : null}
      <div className="flex max-w-md flex-col items-center gap-1.5">
        <Title data-slot="empty-state-title" className="text-base font-semibold">
          {title}
        </Title>
        {description ? (
          <p data-slot="empty-state-description" className="text-sm text-muted-foreground">
            {description}
          </p>
        ) : null}
      </div>
      {children}
      {action ? (
        <div data-slot="empty-state-action" className="flex flex-wrap items-center justify-center gap-2">
          {action}
        </div>
      ) : null}
    </div>
  );
}

export { EmptyState, type EmptyStateProps };
