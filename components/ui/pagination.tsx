import * as React from "react";
import Link from "next/link";
import { ChevronLeft as ChevronLeftIcon, ChevronRight as ChevronRightIcon, MoreHorizontal as MoreHorizontalIcon } from "@/components/ui/icons";

import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";

type PageItem = { type: "page"; page: number } | { type: "ellipsis"; key: string };

/**
 * The page numbers to show: always the first and last page, the current page
 * with `siblingCount` neighbours either side, and ellipses for the gaps (a gap
 * of a single page shows that page instead of an ellipsis).
 */
function getPageItems(page: number, pageCount: number, siblingCount = 1): PageItem[] {
  if (pageCount <= 0) return [];
  const current = Math.min(Math.max(1, page), pageCount);
  const start = Math.max(1, current - siblingCount);
  const end = Math.min(pageCount, current + siblingCount);

  const pages = new Set<number>([1, pageCount]);
  for (let p = start; p <= end; p++) pages.add(p);

  const sorted = [...pages].sort((a, b) => a - b);
  const items: PageItem[] = [];
  let previous = 0;
  for (const p of sorted) {
    if (p - previous === 2) {
      items.push({ type: "page", page: p - 1 });
    } else if (p - previous > 2) {
      items.push({ type: "ellipsis", key: `gap-${previous}-${p}` });
    }
    items.push({ type: "page", page: p });
    previous = p;
  }
  return items;
}

type PaginationProps = Omit<React.ComponentProps<"nav">, "children"> & {
  /** Current page, 1-based. */
  page: number;
  pageCount: number;
  /** Builds the URL of a page, e.g. `(p) => \`/patients?page=${p}\``. */
  hrefFor: (page: number) => string;
  /** Pages shown either side of the current one (default 1). */
  siblingCount?: number;
  /** Accessible name of the navigation landmark (default "Pagination"). */
  label?: string;
};

/**
 * Link-based pagination for server-rendered lists. Renders nothing when there
 * is a single page. The current page is marked with `aria-current="page"`;
 * Previous / Next are disabled (not links) at the ends.
 */
function Pagination({
  page,
  pageCount,
  hrefFor,
  siblingCount = 1,
  label = "Pagination",
  className,
  ...props
}: PaginationProps) {
  if (pageCount <= 1) return null;

  const current = Math.min(Math.max(1, page), pageCount);
  const items = getPageItems(current, pageCount, siblingCount);
  const hasPrevious = current > 1;
  const hasNext = current < pageCount;

  return (
    <nav
      aria-label={label}
      data-slot="pagination"
      data-print-hide=""
      className={cn("mx-auto flex w-full justify-center", className)}
      {...props}
    >
      <ul data-slot="pagination-content" className="flex flex-wrap items-center gap-1">
        <li>
          <PaginationEdge direction="previous" href={hasPrevious ? hrefFor(current - 1) : undefined} />
        </li>
        {items.map((item) =>
          item.type === "ellipsis" ? (
            <li key={item.key}>
              <span
                data-slot="pagination-ellipsis"
                className="flex size-9 items-center justify-center text-muted-foreground"
              >
                <MoreHorizontalIcon className="size-4" aria-hidden="true" />
                <span className="sr-only">More pages</span>
              </span>
            </li>
          ) : (
            <li key={item.page}>
              <Link
                href={hrefFor(item.page)}
                data-slot="pagination-link"
                aria-current={item.page === current ? "page" : undefined}
                aria-label={`Page ${item.page}`}
                className={cn(
                  buttonVariants({
                    variant: item.page === current ? "outline" : "ghost",
                    size: "icon",
                  }),
                  "min-w-9 px-2 tabular-nums aria-[current=page]:border-primary aria-[current=page]:font-semibold",
                )}
              >
                {item.page}
              </Link>
            </li>
          ),
        )}
        <li>
          <PaginationEdge direction="next" href={hasNext ? hrefFor(current + 1) : undefined} />
        </li>
      </ul>
    </nav>
  );
}

function PaginationEdge({ direction, href }: { direction: "previous" | "next"; href: string | undefined }) {
  const isPrevious = direction === "previous";
  const content = isPrevious ? (
    <>
      <ChevronLeftIcon aria-hidden="true" />
      <span className="hidden sm:inline">Previous</span>
    </>
  ) : (
    <>
      <span className="hidden sm:inline">Next</span>
      <ChevronRightIcon aria-hidden="true" />
    </>
  );
  const className = cn(
    buttonVariants({ variant: "ghost", size: "default" }),
    "gap-1 px-2.5",
    isPrevious ? "sm:pl-2" : "sm:pr-2",
  );
  const accessibleLabel = isPrevious ? "Go to previous page" : "Go to next page";

  if (!href) {
    return (
      <span
        data-slot={`pagination-${direction}`}
        aria-disabled="true"
        aria-label={accessibleLabel}
        role="link"
        className={className}
      >
        {content}
      </span>
    );
  }

  return (
    <Link
      href={href}
      rel={isPrevious ? "prev" : "next"}
      data-slot={`pagination-${direction}`}
      aria-label={accessibleLabel}
      className={className}
    >
      {content}
    </Link>
  );
}

export { Pagination, getPageItems, type PageItem, type PaginationProps };
