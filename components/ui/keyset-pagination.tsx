import Link from "next/link";
import { ChevronFirst as ChevronFirstIcon, ChevronLast as ChevronLastIcon, ChevronLeft as ChevronLeftIcon, ChevronRight as ChevronRightIcon } from "@/components/ui/icons";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";

type Edge = "first" | "previous" | "next" | "last";

const EDGES: Record<Edge, { text: string; label: string; rel?: string }> = {
  first: { text: "First", label: "Go to the first page" },
  previous: { text: "Previous", label: "Go to previous page", rel: "prev" },
  next: { text: "Next", label: "Go to next page", rel: "next" },
  last: { text: "Last", label: "Go to the last page" },
};

const ICONS = { first: ChevronFirstIcon, previous: ChevronLeftIcon, next: ChevronRightIcon, last: ChevronLastIcon };

/**
 * Pagination for keyset-paged lists (a page starts after or ends before a row, so
 * there are no page numbers): First, Previous, Next, Last. An edge without an href
 * is shown disabled. Renders nothing when the list fits on one page.
 */
function KeysetPagination({ label, className, ...hrefs }: { label: string; className?: string } & Partial<Record<Edge, string>>) {
  if (!hrefs.previous && !hrefs.next) return null;
  return (
    <nav aria-label={label} data-slot="pagination" data-print-hide="" className={cn("flex justify-center", className)}>
      <ul data-slot="pagination-content" className="flex flex-wrap items-center gap-1">
        {(Object.keys(EDGES) as Edge[]).map((edge) => (
          <li key={edge}>
            <PageLink edge={edge} href={hrefs[edge]} />
          </li>
        ))}
      </ul>
    </nav>
  );
}

function PageLink({ edge, href }: { edge: Edge; href: string | undefined }) {
  const { text, label, rel } = EDGES[edge];
  const Icon = ICONS[edge];
  const after = edge === "next" || edge === "last";
  const content = (
    <>
      {!after && <Icon aria-hidden="true" />}
      <span className="hidden sm:inline">{text}</span>
      {after && <Icon aria-hidden="true" />}
    </>
  );
  const className = cn(buttonVariants({ variant: "ghost", size: "default" }), "gap-1 px-2.5");
  if (!href) {
    return (
      <span data-slot={`pagination-${edge}`} aria-disabled="true" aria-label={label} role="link" className={className}>
        {content}
      </span>
    );
  }
  return (
    <Link href={href} rel={rel} data-slot={`pagination-${edge}`} aria-label={label} className={className}>
      {content}
    </Link>
  );
}

export { KeysetPagination };
