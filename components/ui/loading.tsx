import * as React from "react";

import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";

type LoadingRegionProps = React.ComponentProps<"div"> & {
  /** Announced once to screen readers (default "Loading…"). */
  label?: string;
};

/**
 * Wraps skeleton placeholders: a polite `role="status"` region with a visually
 * hidden label and `aria-busy`, so assistive tech hears "Loading…" once
 * instead of a pile of empty boxes. Use it in route `loading.tsx` files: it
 * stands in for the page, so its label is the page's (hidden) h1.
 */
function LoadingRegion({ label = "Loading…", className, children, ...props }: LoadingRegionProps) {
  return (
    <div
      data-slot="loading-region"
      role="status"
      aria-busy="true"
      className={cn("w-full", className)}
      {...props}
    >
      <h1 className="sr-only">{label}</h1>
      {children}
    </div>
  );
}

/** Placeholder for a `PageHeader` (title, description, actions). */
function PageHeaderSkeleton({ className, actions = true }: { className?: string; actions?: boolean }) {
  return (
    <div
      aria-hidden="true"
      className={cn("flex flex-col gap-4 pb-6 md:flex-row md:items-start md:justify-between", className)}
    >
      <div className="flex flex-col gap-2">
        <Skeleton className="h-7 w-56" />
        <Skeleton className="h-4 w-80 max-w-full" />
      </div>
      {actions ? <Skeleton className="h-9 w-32" /> : null}
    </div>
  );
}

/** A few lines of text; the last one shorter. */
function TextSkeleton({ lines = 3, className }: { lines?: number; className?: string }) {
  return (
    <div aria-hidden="true" className={cn("flex flex-col gap-2", className)}>
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton key={i} className={cn("h-4", i === lines - 1 && lines > 1 ? "w-2/3" : "w-full")} />
      ))}
    </div>
  );
}

/** Card-shaped placeholder (header + body lines). */
function CardSkeleton({ lines = 3, className }: { lines?: number; className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={cn("flex flex-col gap-6 rounded-xl border bg-card py-6 shadow-sm", className)}
    >
      <div className="flex flex-col gap-2 px-6">
        <Skeleton className="h-5 w-40" />
        <Skeleton className="h-4 w-60 max-w-full" />
      </div>
      <TextSkeleton lines={lines} className="px-6" />
    </div>
  );
}

/** Grid of stat / summary cards (1 column on phones, 2 on tablets, 4 on wide screens). */
function CardGridSkeleton({
  count = 4,
  className,
}: {
  count?: number;
  className?: string;
}) {
  return (
    <div aria-hidden="true" className={cn("grid gap-4 sm:grid-cols-2 xl:grid-cols-4", className)}>
      {Array.from({ length: count }, (_, i) => (
        <CardSkeleton key={i} lines={1} />
      ))}
    </div>
  );
}

/** Table-shaped placeholder with a header row. */
function TableSkeleton({
  rows = 8,
  columns = 5,
  className,
}: {
  rows?: number;
  columns?: number;
  className?: string;
}) {
  const gridStyle = { gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` };
  return (
    <div aria-hidden="true" className={cn("w-full overflow-hidden rounded-lg border", className)}>
      <div className="grid gap-4 border-b bg-muted/50 px-3 py-3" style={gridStyle}>
        {Array.from({ length: columns }, (_, c) => (
          <Skeleton key={c} className="h-4 w-3/4 bg-border" />
        ))}
      </div>
      {Array.from({ length: rows }, (_, r) => (
        <div key={r} className="grid gap-4 border-b px-3 py-3 last:border-b-0" style={gridStyle}>
          {Array.from({ length: columns }, (_, c) => (
            <Skeleton key={c} className={cn("h-4", c === 0 ? "w-4/5" : "w-1/2")} />
          ))}
        </div>
      ))}
    </div>
  );
}

/** Label + input placeholders for a form. */
function FormSkeleton({ fields = 4, className }: { fields?: number; className?: string }) {
  return (
    <div aria-hidden="true" className={cn("flex flex-col gap-6", className)}>
      {Array.from({ length: fields }, (_, i) => (
        <div key={i} className="flex flex-col gap-2">
          <Skeleton className="h-4 w-28" />
          <Skeleton className="h-9 w-full" />
        </div>
      ))}
      <Skeleton className="h-9 w-28" />
    </div>
  );
}

/** A whole list page: header, optional summary cards, table. */
function PageSkeleton({
  label = "Loading…",
  cards = 0,
  rows = 8,
  columns = 5,
  className,
}: {
  label?: string;
  cards?: number;
  rows?: number;
  columns?: number;
  className?: string;
}) {
  return (
    <LoadingRegion label={label} className={cn("flex flex-col gap-6", className)}>
      <PageHeaderSkeleton />
      {cards > 0 ? <CardGridSkeleton count={cards} /> : null}
      <TableSkeleton rows={rows} columns={columns} />
    </LoadingRegion>
  );
}

export {
  CardGridSkeleton,
  CardSkeleton,
  FormSkeleton,
  LoadingRegion,
  PageHeaderSkeleton,
  PageSkeleton,
  TableSkeleton,
  TextSkeleton,
  type LoadingRegionProps,
};
