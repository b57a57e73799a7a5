import Link from "next/link";
import { BellRing } from "@/components/ui/icons";
import { cn } from "@/lib/utils";

/** The shell's way to the alerts, with the open count of the user's caseload. */
export function AlertsLink({ count }: { count: number }) {
  const label = count === 0 ? "Alerts: none open" : `Alerts: ${count} open`;
  return (
    <Link
      href="/alerts"
      aria-label={label}
      title={label}
      className="relative inline-flex size-9 items-center justify-center rounded-md text-foreground hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      data-testid="alerts-link"
    >
      <BellRing className="size-4" aria-hidden />
      {count > 0 && (
        <span
          aria-hidden
          className={cn("absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-destructive px-1 text-center text-xs leading-5 font-semibold text-destructive-foreground")}
        >
          {count > 99 ? "99+" : count}
        </span>
      )}
    </Link>
  );
}
