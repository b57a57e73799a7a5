import Link from "next/link";
import { cn } from "@/lib/utils";

/** A row of mutually exclusive links, the current one marked for assistive tech with aria-current. */
export function SegmentedLinks({ label, items }: { label: string; items: { href: string; label: string; current: boolean }[] }) {
  return (
    <nav aria-label={label}>
      <ul className="inline-flex flex-wrap rounded-md border bg-background p-0.5 text-sm">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.current ? "page" : undefined}
              scroll={false}
              className={cn(
                "inline-flex h-8 items-center rounded-[5px] px-3 font-medium text-muted-foreground transition-colors hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
                item.current && "bg-primary text-primary-foreground hover:text-primary-foreground",
              )}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
